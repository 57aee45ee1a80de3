import Platform

extension PostgresStore {
    /// The store's version now: the sum of the changes that the database's own statement triggers record
    /// (`PostgresMigrations.storeVersion`) whenever a transaction, of this process or any other, changes a
    /// table. The sum changes with the commit of what changed it, never before: a reading equal to an earlier
    /// one means nothing was committed in between.
    public func version() throws -> StoreVersion {
        try bridge.transaction(kommun: nil, readOnly: true) { transaction in
            let row = try transaction.queryFirst("SELECT coalesce(sum(changes), 0)::bigint AS changes FROM store_changes")
            return StoreVersion([try row?.int64("changes") ?? 0])
        }
    }
}

extension PostgresStore: LagesbildReading, ReportIntake {}
