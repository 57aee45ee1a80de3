/// Copies a whole store into another, empty one: SQLite to PostgreSQL when a deployment grows, and back.
public enum StoreCopy {
    /// What was copied: the rows of each table, in the order copied.
    public struct Summary: Sendable, Hashable {
        public var tables: [StoreCheckReport.TableRows]
    }

    /// Why a copy was refused or failed; nothing was written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Copies every table of `source` into `target` in one transaction, then checks that every table has as
    /// many rows in the target as in the source. Refused, with nothing written, when the target holds any
    /// row or the two stores do not have the same tables (a store from another version: migrate both first).
    @discardableResult
    public static func copy(from source: any StoreTables, to target: any StoreTables) throws -> Summary {
        let tables = try source.dataTables()
        let targetTables = try target.dataTables()
        guard Set(tables) == Set(targetTables) else {
            let missing = Set(tables).symmetricDifference(targetTables).sorted()
            throw Failure(description: "the two stores do not have the same tables (\(missing.joined(separator: ", "))); "
                + "run both with the same version of the platform")
        }
        let filled = try targetTables.filter { try target.rowCount(of: $0) > 0 }
        guard filled.isEmpty else {
            throw Failure(description: "the target store is not empty (rows in \(filled.joined(separator: ", "))); "
                + "copy only into a new, empty store")
        }
        var expected: [StoreCheckReport.TableRows] = []
        try target.write(tables: tables) { table in
            let content = try source.content(of: table)
            expected.append(StoreCheckReport.TableRows(table: table, rows: content.rows.count))
            return content
        }
        for read in expected {
            let copied = try target.rowCount(of: read.table)
            guard copied == read.rows else {
                throw Failure(description: "\(read.table): \(read.rows) rows read but \(copied) found in the target after the copy")
            }
        }
        return Summary(tables: expected)
    }
}
