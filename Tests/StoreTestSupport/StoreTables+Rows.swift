import Platform

/// Reads of what a store holds that work the same on every store (through `StoreTables`), for tests that
/// look past the contract's own reads: a stored hash, a revision's time stamp, a secret never stored.
extension StoreTables {
    /// Every row of `table` by column name, in the order of its key.
    public func rows(of table: String) throws -> [[String: StoreValue]] {
        let content = try content(of: table)
        return content.rows.map { Dictionary(uniqueKeysWithValues: zip(content.columns, $0)) }
    }

    /// The values of `column` in `table`, in the order of its key.
    public func values(of column: String, in table: String) throws -> [StoreValue] {
        try rows(of: table).map { $0[column] ?? .null }
    }

    /// Rows per table, for every table that holds data.
    public func tableCounts() throws -> [String: Int] {
        try Dictionary(uniqueKeysWithValues: dataTables().map { ($0, try rowCount(of: $0)) })
    }

    /// Whether any text value in any table holds `text`: a secret that must never be stored as it is.
    public func anyTableContains(_ text: String) throws -> Bool {
        try dataTables().contains { table in
            try content(of: table).rows.contains { row in
                row.contains { value in
                    if case .text(let stored) = value { return stored.contains(text) }
                    return false
                }
            }
        }
    }
}
