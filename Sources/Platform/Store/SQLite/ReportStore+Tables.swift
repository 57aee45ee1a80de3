import GRDB

extension ReportStore: StoreTables {
    /// Every table but SQLite's and the migrations' own, parents before the tables whose foreign keys name
    /// them (then by name).
    public func dataTables() throws -> [String] {
        try queue.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                ORDER BY name
                """)
            var parents: [String: Set<String>] = [:]
            for name in names {
                let referenced = try Row.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list(?)", arguments: [name])
                parents[name] = Set(referenced.map { $0[0] as String }).subtracting([name])
            }
            return TableOrder.parentsFirst(names, parents: parents)
        }
    }

    public func rowCount(of table: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
    }

    /// The rows in the order they were inserted (`rowid`), which is the order of every table's key.
    public func content(of table: String) throws -> TableContent {
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
            var rows: [[StoreValue]] = []
            let cursor = try Row.fetchCursor(statement)
            while let row = try cursor.next() {
                rows.append(try row.databaseValues.map { value in
                    switch value.storage {
                    case .null: return .null
                    case .int64(let number): return .integer(number)
                    case .double(let number): return .real(number)
                    case .string(let text): return .text(text)
                    case .blob: throw StoreCopy.Failure(description: "\(table) holds a binary value, which no table of the store has")
                    }
                })
            }
            return TableContent(table: table, columns: statement.columnNames, rows: rows)
        }
    }

    public func write(tables: [String], content: (String) throws -> TableContent) throws {
        try queue.inTransaction(.immediate) { db in
            for table in tables {
                let content = try content(table)
                let columns = content.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                let insert = try db.makeStatement(sql: """
                    INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns)) \
                    VALUES (\(Array(repeating: "?", count: content.columns.count).joined(separator: ", ")))
                    """)
                for row in content.rows {
                    try insert.execute(arguments: StatementArguments(row.map { value -> (any DatabaseValueConvertible)? in
                        switch value {
                        case .null: return nil
                        case .integer(let number): return number
                        case .real(let number): return number
                        case .text(let text): return text
                        }
                    }))
                }
            }
            return .commit
        }
    }
}
