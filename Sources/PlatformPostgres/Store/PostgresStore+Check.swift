import Platform

extension PostgresStore {
    /// Checks the PostgreSQL store at `url` without changing it (it is not migrated): whether all of this
    /// version's migrations are applied (and none from a newer version), that every constraint and index is
    /// valid, that the foreign keys checked per statement hold (their triggers present, no row naming a missing
    /// key), that row-level security is on (enabled and forced) for every table with a `kommun` column, that
    /// the store's role is held to it (neither a superuser nor BYPASSRLS), and the rows per table. A database
    /// that cannot be reached is an error.
    public static func check(url: PostgresURL) throws -> StoreCheckReport {
        let bridge = try PostgresBridge(url: url, poolSize: 1)
        defer { bridge.close() }
        var report = StoreCheckReport(migrationsKnown: PostgresMigrations.all.count)
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            let known = PostgresMigrations.all.map(\.identifier)
            let applied = try PostgresMigrations.applied(transaction)
            guard !applied.isEmpty else {
                report.problems.append("not a report store: no migrations table (any writing command creates the store)")
                return
            }
            report.migrationsApplied = known.filter(applied.contains).count
            report.problems += StoreCheckReport.migrationProblems(applied: Set(applied), known: known)
            for row in try transaction.query("""
                SELECT conrelid::regclass::text AS tab, conname::text AS name FROM pg_constraint
                WHERE connamespace = current_schema()::regnamespace AND NOT convalidated ORDER BY 1, 2
                """) {
                report.problems.append("constraint \(try row.text("name")) on \(try row.text("tab")) is not validated")
            }
            for row in try transaction.query("""
                SELECT indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready) ORDER BY 1
                """) {
                report.problems.append("index \(try row.text("name")) is not valid (rebuild it with REINDEX)")
            }
            for row in try transaction.query("""
                SELECT c.relname::text AS tab, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'kommun' AND NOT a.attisdropped
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY 1
                """) where try !row.bool("enabled") || !row.bool("forced") {
                report.problems.append("row-level security is not enabled and forced on \(try row.text("tab"))")
            }
            let triggers = Set(try transaction.query("SELECT tgname::text AS name FROM pg_trigger WHERE NOT tgisinternal").map { try $0.text("name") })
            for key in PostgresMigrations.statementCheckedKeys where report.migrationsApplied == PostgresMigrations.all.count {
                for trigger in key.triggers where !triggers.contains(trigger) {
                    report.problems.append("the trigger \(trigger), which checks \(key.table).\(key.description), is missing")
                }
                if let orphans = try transaction.queryFirst(key.orphansQuery).map({ try $0.int64("orphans") }), orphans > 0 {
                    report.problems.append("\(key.table).\(key.column) names no row of \(key.referenced) in \(orphans) rows")
                }
            }
            if let role = try transaction.queryFirst("SELECT rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user"),
               try role.bool("super") || role.bool("bypass") {
                report.problems.append("the store's role is a superuser or has BYPASSRLS, so row-level security does not hold it "
                    + "(connect as an ordinary role: docs/deploy.md)")
            }
        }
        report.tables = try dataTables(bridge).sorted().map { StoreCheckReport.TableRows(table: $0, rows: try rowCount(of: $0, bridge)) }
        return report
    }
}
