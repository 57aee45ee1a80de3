import Foundation
import Platform
import Testing

/// The two implementations of the store contract. Store, CLI and service tests take one as their argument
/// (`@Test(arguments: StoreKind.tested)`), so that each runs against every store.
public enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// `ReportStore`, a SQLite file.
    case sqlite
    /// The PostgreSQL store, a fresh database on the cluster `PLATFORM_TEST_POSTGRES` names (scripts/test.sh).
    case postgres

    /// The stores every store test runs against. PostgreSQL joins when PlatformPostgres lands: then this is
    /// `allCases`, and `openPostgres` opens its store.
    public static let tested: [StoreKind] = [.sqlite]

    /// Opens the PostgreSQL store at a database URL with a bcrypt cost; nil until the tests can import
    /// PlatformPostgres (`{ try PostgresStore(url: PostgresURL($0, source: "PLATFORM_TEST_POSTGRES"), passwordCost: $1) }`).
    public static let openPostgres: (@Sendable (_ url: String, _ passwordCost: UInt8) throws -> any PlatformStore & StoreTables)? = nil

    public var testDescription: String { rawValue }
}
