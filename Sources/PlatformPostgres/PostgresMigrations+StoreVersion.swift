/// PostgreSQL's own migrations, with no SQLite counterpart.
extension PostgresMigrations {
    /// The migrations SQLite has no counterpart of, after SQLite's (in `all`), with the tables they add.
    public static let postgresOnly: [Migration] = [storeVersion, statementChecks, reportStatistics]
    public static let postgresOnlyTables = ["store_changes"]

    /// Every table a migration made, whose changes `PostgresStore.version()` counts. A migration adding a table
    /// adds its trigger too (`changeCounted`), and the table here.
    static let countedTables = [
        "ingests", "checklists", "reports", "report_revisions", "escalations", "interventions", "intervention_events", "priorities",
        "area_statuses", "nothing_to_report", "accounts", "memberships", "sessions", "invitations", "api_tokens",
        "calendar_secrets", "audit_log",
    ]

    /// The store's version (`PostgresStore.version()`; SQLite tells a change by its `data_version`): the sum of
    /// the `changes` in `store_changes`, to which every transaction that changes a table adds a row of its own (a
    /// statement trigger on every table, once per transaction), committed with the change itself. Inserting never
    /// waits for another transaction, so writers are never serialised by it (a counter row would be: its lock held
    /// until commit). Every thousandth row folds the rows before it into one row of their sum, which leaves the sum
    /// as it was. (A sequence would not do: it moves before the commit, and a reader could keep what it read
    /// before the change under the new number.)
    static let storeVersion = Migration(identifier: "postgres 1: store change counters", statements: [
        """
        CREATE TABLE store_changes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            changes bigint NOT NULL DEFAULT 1
        )
        """,
        """
        CREATE FUNCTION store_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            added bigint;
        BEGIN
            IF current_setting('app.store_changed', true) IS DISTINCT FROM 'yes' THEN
                INSERT INTO store_changes DEFAULT VALUES RETURNING id INTO added;
                PERFORM set_config('app.store_changed', 'yes', true);
                IF added % 1000 = 0 THEN
                    WITH folded AS (DELETE FROM store_changes WHERE id < added RETURNING changes)
                    INSERT INTO store_changes (changes) SELECT sum(changes) FROM folded HAVING count(*) > 0;
                END IF;
            END IF;
            RETURN NULL;
        END
        $$
        """,
    ] + countedTables.map(changeCounted))

    /// The trigger counting the changes to `table` (once per transaction, whatever the statements changed).
    static func changeCounted(_ table: String) -> String {
        "CREATE TRIGGER \(table)_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION store_changed()"
    }
}
