/// What `store check` found in a store, SQLite or PostgreSQL: every problem, the migration level and the rows
/// per table.
public struct StoreCheckReport: Sendable, Hashable {
    /// The rows of one table.
    public struct TableRows: Sendable, Hashable {
        public var table: String
        public var rows: Int

        public init(table: String, rows: Int) {
            self.table = table
            self.rows = rows
        }
    }

    /// Every problem found (integrity, foreign keys, migrations, access rules), in English; empty when the
    /// store is sound.
    public var problems: [String] = []
    /// How many of this version's migrations the store has applied.
    public var migrationsApplied = 0
    /// How many migrations this version has.
    public var migrationsKnown: Int
    /// The rows of every table, by table name.
    public var tables: [TableRows] = []

    /// Whether nothing is wrong.
    public var isSound: Bool { problems.isEmpty }

    /// An empty report for a store kind with `migrationsKnown` migrations.
    public init(migrationsKnown: Int) {
        self.migrationsKnown = migrationsKnown
    }
}
