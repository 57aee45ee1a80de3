import GRDB

extension ReportStore {
    /// What is stored for `kommun` in `period`, per reporter and indicator: rows dated in it, and statistics
    /// whose own period lies within it.
    public func totals(kommun: String, period: Period) throws -> [ReporterIndicatorTotal] {
        try rows("""
            SELECT reporter, indicator, COUNT(*), SUM(value), MAX(value), source, group_concat(DISTINCT period) FROM reports
            WHERE kommun = ? AND date BETWEEN ? AND ? AND (period_end IS NULL OR period_end <= ?) AND withdrawn_in IS NULL
            GROUP BY reporter, indicator, source ORDER BY reporter, indicator, source
            """, [kommun, period.start.description, period.end.description, period.end.description]) {
            ReporterIndicatorTotal(reporter: $0[0], indicator: $0[1], rows: $0[2], total: $0[3], highest: $0[4],
                                   source: ($0[5] as String?).flatMap(Reporter.Source.init(rawValue:)) ?? .observations,
                                   periods: (($0[6] as String?) ?? "").split(separator: ",").map(String.init).sorted())
        }
    }

    /// Current rows stored for `kommun`, and earlier revisions kept: corrected rows' and withdrawn ones.
    public func counts(kommun: String) throws -> (reports: Int, revisions: Int) {
        try queue.read { db in
            let (reports, withdrawn) = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) - COUNT(withdrawn_in), COUNT(withdrawn_in) FROM reports WHERE kommun = ?
                """, arguments: [kommun]).map { ($0[0] as Int, $0[1] as Int) } ?? (0, 0)
            let revisions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM report_revisions WHERE kommun = ?", arguments: [kommun]) ?? 0
            return (reports, revisions + withdrawn)
        }
    }

    /// The stored report of `reporter` with reference `ref` and its earlier revisions' values, oldest first.
    public func history(kommun: String, reporter: String, ref: String) throws -> (current: Int?, earlier: [Int]) {
        try queue.read { db in
            let current = try Row.fetchOne(db, sql: "SELECT id, value FROM reports WHERE kommun = ? AND reporter = ? AND ref = ?",
                                           arguments: [kommun, reporter, ref])
            guard let current else { return (nil, []) }
            let id: Int64 = current[0]
            let earlier = try Int.fetchAll(db, sql: "SELECT value FROM report_revisions WHERE report_id = ? ORDER BY rowid",
                                           arguments: [id])
            return (current[1], earlier)
        }
    }
}
