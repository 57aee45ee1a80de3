/// PostgreSQL's own migrations, with no SQLite counterpart.
extension PostgresMigrations {
    /// The migrations SQLite has no counterpart of, after SQLite's (in `all`), with the tables they add.
    public static let postgresOnly: [Migration] = [storeVersion]
    public static let postgresOnlyTables = ["store_changes"]

    /// Every table a migration made, whose changes `PostgresStore.version()` counts. A migration adding a table
    /// adds its trigger too (`changeCounted`), and the table here.
    static let countedTables = [
        "ingests", "checklists", "reports", "report_revisions", "escalations", "interventions", "intervention_events", "priorities",
        "area_statuses", "nothing_to_report", "accounts", "memberships", "sessions", "invitations", "api_tokens",
        "calendar_secrets", "audit_log",
    ]

    /// The store's version (`PostgresStore.version()`; SQLite tells a change by its `data_version`): one change counter per kommun (per `app.kommun`, so that
    /// the writers of different kommuner never wait for one another's counter), added to by a statement trigger on
    /// every table in the transaction that changes it, and so committed with the change itself. (A sequence would
    /// not do: it moves before the commit, and a reader could keep what it read before the change under the new
    /// number.)
    static let storeVersion = Migration(identifier: "postgres 1: store change counters", statements: [
        """
        CREATE TABLE store_changes (
            scope text PRIMARY KEY,
            changes bigint NOT NULL
        )
        """,
        """
        CREATE FUNCTION store_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO store_changes AS counter (scope, changes) VALUES (coalesce(current_setting('app.kommun', true), ''), 1)
            ON CONFLICT (scope) DO UPDATE SET changes = counter.changes + 1;
            RETURN NULL;
        END
        $$
        """,
    ] + countedTables.map(changeCounted))

    /// The trigger counting every change to `table` (one count per statement, whatever it changed).
    static func changeCounted(_ table: String) -> String {
        "CREATE TRIGGER \(table)_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION store_changed()"
    }
}
