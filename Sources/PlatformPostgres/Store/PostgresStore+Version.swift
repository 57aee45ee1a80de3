import Platform

extension PostgresStore {
    /// The store's version now: the sum of the changes that the database's own statement triggers record
    /// (`PostgresMigrations.storeVersion`) whenever a transaction, of this process or any other, changes a
    /// table. The sum changes with the commit of what changed it, never before: a reading equal to an earlier
    /// one means nothing was committed in between.
    public func version() throws -> StoreVersion {
        try bridge.transaction(kommun: nil, readOnly: true) { transaction in
            StoreVersion([try PostgresMigrations.changeCount(transaction)])
        }
    }
}

extension PostgresStore: PlatformStore {}
