/// What a lägesbild, a priority proposal and a yearly analysis read of the reports: aggregates and rows of
/// one kommun over a span of days (both ends included). Withdrawn rows are never read.
public protocol LagesbildReading: Sendable {
    /// Per area, indicator and day: the sum and the highest value of the observations.
    func dailyCells(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [DailyCell]
    /// Every observation's value, not grouped (statistics and public reports are read by `sourceRows`).
    func values(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReportValue]
    /// The rows of `source` (not observations) dated in the span (a period-dated statistic by its first day),
    /// in date order, then in the order stored.
    func sourceRows(kommun: String, source: Reporter.Source, from: CalendarDate, to: CalendarDate) throws -> [SourceRow]
    /// Rows per reporter and when the first and last of them were ingested, by reporter; a reporter that
    /// recorded nothing to report for a period overlapping the span is there too.
    func reporterActivity(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReporterActivity]
    /// Rows with a note or a place text, observations and public reports, by date, time, then order stored.
    func notes(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [NoteRow]
    /// What is stored in `period` per reporter, indicator and source: rows dated in it, and statistics whose
    /// own period lies within it; by reporter, indicator and source.
    func totals(kommun: String, period: Period) throws -> [ReporterIndicatorTotal]
}
