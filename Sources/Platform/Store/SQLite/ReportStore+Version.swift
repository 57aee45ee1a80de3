import GRDB

extension ReportStore {
    /// The store's version now: this connection's change count (a commit of this process) and SQLite's
    /// `data_version` (a commit of another one, such as a `platform-cli ingest` into the same file).
    public func version() throws -> StoreVersion {
        try queue.read { db in
            StoreVersion([try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0, Int64(db.totalChangesCount)])
        }
    }
}

extension ReportStore: PlatformStore {}
