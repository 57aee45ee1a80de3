import GRDB

extension ReportStore {
    /// Per area, indicator and day: the sum and the highest value of the observations, from `from` to `to`.
    public func dailyCells(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [DailyCell] {
        try rows("""
            SELECT area, indicator, date, SUM(value), MAX(value), COUNT(*) FROM reports
            WHERE kommun = ? AND date BETWEEN ? AND ? AND source IS NULL AND withdrawn_in IS NULL
            GROUP BY area, indicator, date
            """, [kommun, from.description, to.description]) { row in
            guard let date = CalendarDate(iso: row[2] as String) else { return nil }
            return DailyCell(area: row[0], indicator: row[1], date: date, sum: row[3], max: row[4], rows: row[5])
        }
    }

    /// Every observation's value from `from` to `to`, not grouped: for the few weeks a lägesbild reads, summing
    /// a few hundred rows itself is cheaper than SQLite's GROUP BY, which sorts them first (0.9 ms against
    /// 0.2 ms a query for a kommun's 13 weeks, measured with the sqlite3 tool). Statistics and public reports
    /// are read apart, by `sourceRows`.
    public func values(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReportValue] {
        try rows("SELECT area, indicator, date, value FROM reports WHERE kommun = ? AND date BETWEEN ? AND ? AND source IS NULL AND withdrawn_in IS NULL",
                 [kommun, from.description, to.description]) { row in
            guard let date = CalendarDate(iso: row[2] as String) else { return nil }
            return ReportValue(area: row[0], indicator: row[1], date: date, value: row[3])
        }
    }

    /// The rows of `source` (not observations) dated from `from` to `to` (a period-dated statistic by its
    /// first day), in date order.
    public func sourceRows(kommun: String, source: Reporter.Source, from: CalendarDate, to: CalendarDate) throws -> [SourceRow] {
        try rows("""
            SELECT reporter, area, indicator, value, date, precision, period, period_end FROM reports
            WHERE kommun = ? AND date BETWEEN ? AND ? AND source = ? AND withdrawn_in IS NULL
            ORDER BY date, id
            """, [kommun, from.description, to.description, source.rawValue]) { row in
            SourceRow(reporter: row[0], area: row[1], indicator: row[2], value: row[3], storedDate: row[4], precision: row[5],
                      period: row[6], periodEnd: row[7])
        }
    }

    /// Rows per reporter from `from` to `to`, and when the first and last of them were ingested. A reporter
    /// that recorded nothing to report for a period overlapping the span is there too (with no rows, unless
    /// it also stored some): it reported.
    public func reporterActivity(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReporterActivity] {
        try rows("""
            SELECT reporter, SUM(row_count), MIN(first_at), MAX(last_at), MAX(said_nothing) FROM (
                SELECT reporter, COUNT(*) AS row_count, MIN(ingested_at) AS first_at, MAX(ingested_at) AS last_at, 0 AS said_nothing FROM reports
                WHERE kommun = ?1 AND date BETWEEN ?2 AND ?3 AND withdrawn_in IS NULL GROUP BY reporter
                UNION ALL
                SELECT reporter, 0, MIN(recorded_at), MAX(recorded_at), 1 FROM nothing_to_report
                WHERE kommun = ?1 AND start_date <= ?3 AND end_date >= ?2 GROUP BY reporter
            ) GROUP BY reporter ORDER BY reporter
            """, [kommun, from.description, to.description]) {
            ReporterActivity(reporter: $0[0], rows: $0[1], firstIngestedAt: $0[2], lastIngestedAt: $0[3], nothingToReport: $0[4])
        }
    }

    /// Rows with a note or a place text, from `from` to `to`, in date order: observations and public reports
    /// (a statistic has no day to place its note on).
    public func notes(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [NoteRow] {
        try rows("""
            SELECT date, time, reporter, area, indicator, place, note FROM reports
            WHERE kommun = ? AND date BETWEEN ? AND ? AND (note IS NOT NULL OR place IS NOT NULL) AND source IS NOT 'statistics'
                AND withdrawn_in IS NULL
            ORDER BY date, time, id
            """, [kommun, from.description, to.description]) { row in
            guard let date = CalendarDate(iso: row[0] as String) else { return nil }
            return NoteRow(date: date, time: row[1], reporter: row[2], area: row[3], indicator: row[4], place: row[5], note: row[6])
        }
    }
}
