/// Foreign keys that bulk rows would pay for once per row, checked once per statement instead.
extension PostgresMigrations {
    /// A foreign key checked by statement triggers instead of a constraint: PostgreSQL checks a constraint with
    /// one query per row written (a quarter of a million-row ingest's time), these triggers with one query per
    /// statement over the rows it wrote (a transition table). Same guarantee as the constraint: a row naming a
    /// missing key is refused (SQLSTATE 23503), and a referenced row is neither deleted (nor truncated) nor
    /// given another key.
    public struct StatementCheckedKey: Sendable {
        public let table: String
        public let column: String
        public let referenced: String
        public let referencedColumn: String

        /// The constraint's name as PostgreSQL would have made it (`reports_ingest_id_fkey`), in messages.
        var name: String { "\(table)_\(column)_fkey" }
        /// As `SchemaParityTests` and `store check` describe a foreign key: `ingest_id -> ingests(id)`.
        public var description: String { "\(column) -> \(referenced)(\(referencedColumn))" }
        /// The rows of `table` whose key names no row of `referenced` (none, unless the triggers were dropped).
        public var orphansQuery: String {
            "SELECT count(*) AS orphans FROM \(table) t WHERE NOT EXISTS (SELECT 1 FROM \(referenced) r WHERE r.\(referencedColumn) = t.\(column))"
        }
        /// The triggers that stand for the constraint: on `table`'s inserts and updates, and on `referenced`'s
        /// deletes and key changes and its truncation.
        var onInsert: String { "\(name)_on_insert" }
        var onUpdate: String { "\(name)_on_update" }
        var onReferenced: String { "\(name)_referenced" }
        var onTruncate: String { "\(name)_truncated" }
        /// All of them, by name.
        public var triggers: [String] { [onInsert, onUpdate, onReferenced, onTruncate] }
    }

    /// The keys checked per statement: a report's ingest (every ingest writes up to a million of them at once).
    public static let statementCheckedKeys = [
        StatementCheckedKey(table: "reports", column: "ingest_id", referenced: "ingests", referencedColumn: "id"),
    ]

    static let statementChecks = Migration(identifier: "postgres 2: bulk rows' foreign keys checked per statement",
                                           statements: statementCheckedKeys.flatMap(statements))

    /// Replaces the constraint `key` by its triggers. An INSERT is checked once per statement, over the rows it
    /// wrote; an UPDATE that sets the column (a revision, a handful of rows) row by row, as the constraint did,
    /// and one that does not set it (the touch of every unchanged row of a delivery) not at all. (A trigger
    /// with a transition table cannot name columns: it would check every UPDATE.)
    private static func statements(_ key: StatementCheckedKey) -> [String] {
        let refused = "RAISE foreign_key_violation USING MESSAGE = 'insert or update on table \"\(key.table)\" violates foreign key \"\(key.name)\"';"
        return [
            "ALTER TABLE \(key.table) DROP CONSTRAINT \(key.name)",
            """
            CREATE FUNCTION \(key.name)_check() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM written w WHERE NOT EXISTS
                           (SELECT 1 FROM \(key.referenced) r WHERE r.\(key.referencedColumn) = w.\(key.column))) THEN
                    \(refused)
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER \(key.onInsert) AFTER INSERT ON \(key.table)
                REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION \(key.name)_check()
            """,
            """
            CREATE FUNCTION \(key.name)_check_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM \(key.referenced) r WHERE r.\(key.referencedColumn) = NEW.\(key.column)) THEN
                    \(refused)
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER \(key.onUpdate) AFTER UPDATE OF \(key.column) ON \(key.table)
                FOR EACH ROW EXECUTE FUNCTION \(key.name)_check_row()
            """,
            """
            CREATE FUNCTION \(key.name)_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'TRUNCATE' THEN
                    IF EXISTS (SELECT 1 FROM \(key.table)) THEN
                        RAISE foreign_key_violation USING MESSAGE =
                            'cannot truncate table "\(key.referenced)": table "\(key.table)" references it';
                    END IF;
                    RETURN NULL;
                END IF;
                IF (TG_OP = 'DELETE' OR NEW.\(key.referencedColumn) IS DISTINCT FROM OLD.\(key.referencedColumn))
                   AND EXISTS (SELECT 1 FROM \(key.table) t WHERE t.\(key.column) = OLD.\(key.referencedColumn)) THEN
                    RAISE foreign_key_violation USING MESSAGE =
                        'update or delete on table "\(key.referenced)" violates foreign key "\(key.name)" on table "\(key.table)"';
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END
            $$
            """,
            """
            CREATE TRIGGER \(key.onReferenced) BEFORE DELETE OR UPDATE OF \(key.referencedColumn) ON \(key.referenced)
                FOR EACH ROW EXECUTE FUNCTION \(key.name)_referenced()
            """,
            """
            CREATE TRIGGER \(key.onTruncate) BEFORE TRUNCATE ON \(key.referenced)
                FOR EACH STATEMENT EXECUTE FUNCTION \(key.name)_referenced()
            """,
        ]
    }
}
