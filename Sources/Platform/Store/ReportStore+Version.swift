import GRDB

extension ReportStore {
    /// Tells whether anything in the store changed between two readings: a commit of this process (its
    /// connection's change count) or of another one, such as a `platform-cli ingest` into the same store
    /// (SQLite's `data_version`). A long-running process keeps what it computed from the store while the
    /// version stays the same.
    public struct Version: Sendable, Hashable {
        var dataVersion: Int64
        var ownChanges: Int
    }

    /// The store's version now.
    public func version() throws -> Version {
        try queue.read { db in
            Version(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0, ownChanges: db.totalChangesCount)
        }
    }
}
