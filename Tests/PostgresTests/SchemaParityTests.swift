import Foundation
import GRDB
import Platform
import PlatformPostgres
import Testing

/// The PostgreSQL migrations are kept in step with SQLite's (issue 14): a migrated SQLite store and a
/// migrated PostgreSQL database have the same tables, columns (name, order, NOT NULL), primary keys, unique
/// constraints, foreign keys and indexes, and the same migration identifiers.
@Suite("PostgreSQL schema parity")
struct SchemaParityTests {
    @Test func theSchemasMatch() throws {
        let sqlite = try Self.sqliteSchema()
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        let postgres = try bridge.transaction(kommun: "*") { try Self.postgresSchema($0) }
        #expect(!sqlite.tables.isEmpty)
        #expect(postgres.tables.keys.sorted() == sqlite.tables.keys.sorted())
        for (name, table) in sqlite.tables.sorted(by: { $0.key < $1.key }) {
            #expect(postgres.tables[name] == table, "table \(name)")
        }
        let postgresOnly = PostgresMigrations.postgresOnly.map(\.identifier)
        #expect(postgres.migrations.filter { !postgresOnly.contains($0) } == sqlite.migrations)
        #expect(postgres.migrations.count == PostgresMigrations.all.count)
    }

    /// One table as both databases describe it.
    struct Table: Hashable, CustomStringConvertible {
        /// Columns in order, `name` or `name NOT NULL` (a primary key column counts as NOT NULL: SQLite lets a
        /// non-integer key be NULL, PostgreSQL does not, and the store never writes one).
        var columns: [String] = []
        var primaryKey: [String] = []
        var unique: Set<[String]> = []
        /// `columns -> table(columns)`.
        var foreignKeys: Set<String> = []
        /// Indexes made by CREATE INDEX: `name(columns)`.
        var indexes: Set<String> = []

        var description: String {
            "columns \(columns), key \(primaryKey), unique \(unique.sorted { "\($0)" < "\($1)" }), "
                + "foreign \(foreignKeys.sorted()), indexes \(indexes.sorted())"
        }
    }

    struct Schema {
        var tables: [String: Table] = [:]
        var migrations: [String] = []
    }

    static func sqliteSchema() throws -> Schema {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        _ = try ReportStore(path: path, passwordCost: 4)
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var schema = Schema()
            schema.migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                """)
            for name in names {
                var table = Table()
                var keyed: [(Int, String)] = []
                for column in try Row.fetchAll(db, sql: "SELECT * FROM pragma_table_info(?) ORDER BY cid", arguments: [name]) {
                    let columnName: String = column["name"]
                    let pk: Int = column["pk"]
                    let notNull = (column["notnull"] as Int) != 0 || pk > 0
                    table.columns.append(notNull ? "\(columnName) NOT NULL" : columnName)
                    if pk > 0 { keyed.append((pk, columnName)) }
                }
                table.primaryKey = keyed.sorted { $0.0 < $1.0 }.map(\.1)
                for index in try Row.fetchAll(db, sql: "SELECT * FROM pragma_index_list(?)", arguments: [name]) {
                    let indexName: String = index["name"]
                    let origin: String = index["origin"]
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [indexName])
                    switch origin {
                    case "u": table.unique.insert(columns)
                    case "c": table.indexes.insert("\(indexName)(\(columns.joined(separator: ", ")))")
                    default: break // "pk": the primary key, read above
                    }
                }
                let foreign = try Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", arguments: [name])
                for id in Set(foreign.map { $0["id"] as Int }) {
                    let rows = foreign.filter { ($0["id"] as Int) == id }
                    let from = rows.map { $0["from"] as String }
                    let to = rows.map { $0["to"] as String }
                    table.foreignKeys.insert("\(from.joined(separator: ", ")) -> \(rows[0]["table"] as String)(\(to.joined(separator: ", ")))")
                }
                schema.tables[name] = table
            }
            return schema
        }
    }

    static func postgresSchema(_ transaction: PostgresTransaction) throws -> Schema {
        var schema = Schema()
        schema.migrations = try PostgresMigrations.applied(transaction)
        let names = try transaction.query("""
            SELECT table_name::text AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
            """).map { try $0.text("name") }.filter { !PostgresMigrations.postgresOnlyTables.contains($0) }
        for name in names {
            var table = Table()
            for column in try transaction.query("""
                SELECT column_name::text AS name, is_nullable::text AS nullable FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position
                """, [.text(name)]) {
                let columnName = try column.text("name")
                table.columns.append(try column.text("nullable") == "NO" ? "\(columnName) NOT NULL" : columnName)
            }
            // Each constraint's columns in key order, and a foreign key's referenced table and columns.
            for constraint in try transaction.query("""
                SELECT c.contype::text AS kind,
                       (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
                       c.confrelid::regclass::text AS referenced,
                       (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns
                FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype IN ('p', 'u', 'f')
                """, [.text(name)]) {
                let columns = try constraint.text("columns").components(separatedBy: ", ")
                switch try constraint.text("kind") {
                case "p": table.primaryKey = columns
                case "u": table.unique.insert(columns)
                default:
                    table.foreignKeys.insert("\(columns.joined(separator: ", ")) -> \(try constraint.text("referenced"))"
                        + "(\(try constraint.text("referenced_columns")))")
                }
            }
            // A foreign key checked per statement (`PostgresMigrations.statementCheckedKeys`) counts as one
            // when all of its triggers are there.
            for key in PostgresMigrations.statementCheckedKeys where key.table == name {
                let present = try transaction.query("SELECT tgname::text AS name FROM pg_trigger WHERE NOT tgisinternal")
                    .map { try $0.text("name") }
                if Set(present).isSuperset(of: key.triggers) { table.foreignKeys.insert(key.description) }
            }
            for index in try transaction.query("""
                SELECT i.relname::text AS name,
                       (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(x.indkey::smallint[]) WITH ORDINALITY AS k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) AS columns
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                """, [.text(name)]) {
                table.indexes.insert("\(try index.text("name"))(\(try index.text("columns")))")
            }
            schema.tables[name] = table
        }
        return schema
    }
}
