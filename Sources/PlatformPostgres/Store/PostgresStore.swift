import Foundation
import Platform

/// The report store on PostgreSQL: the same contract as the SQLite `ReportStore` (`PlatformStore`), for a
/// deployment that serves many kommuner from several servers. Every transaction runs with its kommun set
/// (`SET LOCAL app.kommun`), and row-level security hides every other kommun's rows.
public final class PostgresStore: Sendable {
    /// The connections and transactions (`PostgresBridge`).
    public let bridge: PostgresBridge
    /// The bcrypt cost of the passwords this store sets: 12 (the default) in production, 4 in tests.
    public let passwordCost: UInt8

    /// Connects to the database at `url` and migrates it.
    public init(url: PostgresURL, passwordCost: UInt8 = 12) throws {
        bridge = try PostgresBridge(url: url)
        self.passwordCost = passwordCost
        try PostgresMigrations.migrate(bridge)
    }
}
