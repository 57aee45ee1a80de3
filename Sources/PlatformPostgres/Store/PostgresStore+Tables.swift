import Platform

extension PostgresStore: StoreTables {
    /// Every table but the migrations' own and PostgreSQL's own (the change counters), parents before the tables whose foreign keys name them.
    public func dataTables() throws -> [String] { try Self.dataTables(bridge) }

    /// `dataTables()` of the database `bridge` reaches.
    static func dataTables(_ bridge: PostgresBridge) throws -> [String] {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            let ownTables = Set(["schema_migrations"] + PostgresMigrations.postgresOnlyTables)
            let names = try transaction.query("""
                SELECT table_name::text AS name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"
                """).map { try $0.text("name") }.filter { !ownTables.contains($0) }
            var parents: [String: Set<String>] = [:]
            for row in try transaction.query("""
                SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
                WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND conrelid <> confrelid
                """) {
                parents[try row.text("child"), default: []].insert(try row.text("parent"))
            }
            return TableOrder.parentsFirst(names, parents: parents)
        }
    }

    public func rowCount(of table: String) throws -> Int { try Self.rowCount(of: table, bridge) }

    /// `rowCount(of:)` in the database `bridge` reaches.
    static func rowCount(of table: String, _ bridge: PostgresBridge) throws -> Int {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            try transaction.queryFirst("SELECT count(*) AS n FROM \(try Self.identifier(table))")?.int("n") ?? 0
        }
    }

    /// The rows in the order of the table's primary key; a table without one (the append-only revisions) in
    /// the order its rows were written, which is what SQLite's copy keeps as its `rowid` order.
    public func content(of table: String) throws -> TableContent {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            let name = try Self.identifier(table)
            let columns = try Self.columns(of: table, transaction)
            let key = try transaction.query("""
                SELECT a.attname::text AS name FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)
                """, [.text(table)]).map { try $0.text("name") }
            let order = key.isEmpty ? "ctid" : key.joined(separator: ", ")
            let rows = try transaction.query("SELECT \(columns.joined(separator: ", ")) FROM \(name) ORDER BY \(order)")
            return TableContent(table: table, columns: columns, rows: rows.map { row in
                row.values.map { value in
                    switch value {
                    case .null: .null
                    case .text(let text): .text(text)
                    case .int(let number): .integer(number)
                    case .double(let number): .real(number)
                    case .bool(let flag): .integer(flag ? 1 : 0)
                    }
                }
            })
        }
    }

    /// Each table's rows go by COPY into a temporary table (COPY refuses a table under row-level security)
    /// and from there into the table; afterwards each identity continues after the highest id copied.
    public func write(tables: [String], content: (String) throws -> TableContent) throws {
        try bridge.transaction(kommun: "*") { transaction in
            for table in tables {
                let content = try content(table)
                let name = try Self.identifier(table)
                let columns = try content.columns.map(Self.identifier).joined(separator: ", ")
                let staging = "copy_\(table)"
                try transaction.execute("CREATE TEMP TABLE \(staging) (LIKE \(name)) ON COMMIT DROP")
                try transaction.copy(into: staging, columns: content.columns, rows: content.rows.lazy.map { row in
                    row.map { value -> PostgresValue in
                        switch value {
                        case .null: .null
                        case .integer(let number): .int(number)
                        case .real(let number): .double(number)
                        case .text(let text): .text(text)
                        }
                    }
                })
                try transaction.execute("INSERT INTO \(name) (\(columns)) SELECT \(columns) FROM \(staging)")
                for row in try transaction.query("""
                    SELECT attname::text AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attidentity <> ''
                    """, [.text(table)]) {
                    let column = try row.text("name")
                    try transaction.execute("""
                        SELECT setval(pg_get_serial_sequence($1, $2), max(\(column))) FROM \(name) HAVING max(\(column)) IS NOT NULL
                        """, [.text(table), .text(column)])
                }
            }
        }
    }

    /// The columns of `table`, in their order.
    static func columns(of table: String, _ transaction: PostgresTransaction) throws -> [String] {
        try transaction.query("""
            SELECT column_name::text AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)]).map { try $0.text("name") }
    }

    /// `name` when it is a plain lower-case identifier (every table and column of the store is), else an error:
    /// table names are written into the SQL, never taken from outside.
    static func identifier(_ name: String) throws -> String {
        guard PostgresTransaction.isPlainIdentifier(name) else {
            throw StoreCopy.Failure(description: "'\(name)' is not a table or column of the store")
        }
        return name
    }
}
