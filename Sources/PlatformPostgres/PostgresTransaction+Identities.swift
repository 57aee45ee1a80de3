extension PostgresTransaction {
    /// Moves every identity column's next value past the largest id in its table, after rows were inserted
    /// with their ids (a store copy keeps SQLite's ids): the next row inserted without an id gets a new one.
    /// Run it in a `"*"` transaction, which sees every kommun's rows.
    public func advanceIdentities() throws {
        let columns = try query("""
            SELECT table_name::text AS name, column_name::text AS id FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name
            """)
        for column in columns {
            let table = try column.text("name")
            let id = try column.text("id")
            guard Self.isPlainIdentifier(table), Self.isPlainIdentifier(id) else { continue }
            try execute("""
                SELECT setval(pg_get_serial_sequence('\(table)', '\(id)'), coalesce((SELECT max(\(id)) FROM \(table)), 0) + 1, false)
                """)
        }
    }
}
