/// How many rows and how much value one reporter stored for one indicator in a period.
public struct ReporterIndicatorTotal: Sendable, Hashable {
    public var reporter: String
    public var indicator: String
    public var rows: Int
    /// The values summed: what a count shows.
    public var total: Int
    /// The highest value: what a level shows (its answers are never summed).
    public var highest: Int
    /// What the reporter delivered: `observations`, `statistics` or `public`.
    public var source: Reporter.Source = .observations
    /// The periods of statistics dated by a period (`2026-11`), in order; empty for rows dated by day or week.
    public var periods: [String] = []

    public init(reporter: String, indicator: String, rows: Int, total: Int, highest: Int, source: Reporter.Source = .observations, periods: [String] = []) {
        self.reporter = reporter
        self.indicator = indicator
        self.rows = rows
        self.total = total
        self.highest = highest
        self.source = source
        self.periods = periods
    }
}
