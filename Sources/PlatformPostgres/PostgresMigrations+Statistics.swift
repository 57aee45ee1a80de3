/// How soon PostgreSQL's statistics follow `reports`.
extension PostgresMigrations {
    /// The storage parameters `reports` gets: autovacuum analyzes it once 1 % of its rows (and at least 1,000)
    /// changed, not PostgreSQL's default 10 %. In a store of many kommuner, a kommun that joins (or grows) by
    /// less than a tenth of the table would otherwise stay unknown to the planner for as long, which then takes
    /// it for a few rows and scans all of them for every one-row submission (an ingest that grows the whole table
    /// by more than a tenth analyzes it itself: `PostgresStore.analyzeReportsIfGrown`).
    public static let reportStatisticsSettings = ["autovacuum_analyze_scale_factor=0.01", "autovacuum_analyze_threshold=1000"]

    static let reportStatistics = Migration(identifier: "postgres 3: reports analyzed after 1 % of its rows changed", statements: [
        "ALTER TABLE reports SET (\(reportStatisticsSettings.joined(separator: ", ")))",
    ])
}
