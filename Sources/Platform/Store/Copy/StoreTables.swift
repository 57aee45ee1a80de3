/// A store's tables as plain rows: what `StoreCopy` reads from one store and writes into another. Both
/// stores have the same tables and columns (their migrations are kept in step, and a test compares them).
public protocol StoreTables: Sendable {
    /// The tables that hold data (not the migrations' own), parents before children: the order rows can be
    /// inserted in.
    func dataTables() throws -> [String]
    /// How many rows `table` holds.
    func rowCount(of table: String) throws -> Int
    /// Every row of `table`, in the order of its key, every kommun's.
    func content(of table: String) throws -> TableContent
    /// Writes `tables` (in that order) in one transaction, every value as given, ids included, reading each
    /// table's rows from `content` as it comes to it; afterwards new ids continue after the highest copied.
    func write(tables: [String], content: (String) throws -> TableContent) throws
}
