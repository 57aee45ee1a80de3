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

    /// The problems of a store that has applied the migrations `applied`, for a version that knows `known`:
    /// the ones it has not applied (an older store), and the ones this version does not know (a newer one).
    public static func migrationProblems(applied: Set<String>, known: [String]) -> [String] {
        var problems: [String] = []
        let missing = known.filter { !applied.contains($0) }
        if !missing.isEmpty {
            problems.append("migrations not applied (a store from an older version; any writing command migrates it): "
                + missing.joined(separator: ", "))
        }
        let unknown = applied.subtracting(known).sorted()
        if !unknown.isEmpty {
            problems.append("the store is from a newer version of the platform (migrations this version does not know: "
                + unknown.joined(separator: ", ") + ")")
        }
        return problems
    }

    /// An empty report for a store kind with `migrationsKnown` migrations.
    public init(migrationsKnown: Int) {
        self.migrationsKnown = migrationsKnown
    }
}
