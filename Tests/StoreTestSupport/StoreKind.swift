import Foundation
import Platform
import PlatformPostgres
import Testing

/// The two implementations of the store contract. Store, CLI and service tests take one as their argument
/// (`@Test(arguments: StoreKind.tested)`), so that each runs against every store.
public enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// `ReportStore`, a SQLite file.
    case sqlite
    /// The PostgreSQL store, a fresh database on the cluster `PLATFORM_TEST_POSTGRES` names (scripts/test.sh).
    case postgres

    /// The stores every store test runs against: both.
    public static let tested: [StoreKind] = allCases

    /// Opens the PostgreSQL store at a database URL with a bcrypt cost.
    static func openPostgres(_ url: String, passwordCost: UInt8) throws -> any PlatformStore & StoreTables {
        try PostgresStore(url: PostgresURL(url, source: "PLATFORM_TEST_POSTGRES"), passwordCost: passwordCost)
    }

    public var testDescription: String { rawValue }
}
