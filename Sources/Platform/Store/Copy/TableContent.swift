/// Every row of one table, with its column names, in the order of its key.
public struct TableContent: Sendable, Hashable {
    public var table: String
    public var columns: [String]
    public var rows: [[StoreValue]]

    public init(table: String, columns: [String], rows: [[StoreValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}
