/// One stored report of a source other than observations, with the days it covers.
public struct SourceRow: Sendable, Hashable {
    public var reporter: String
    public var area: String
    public var indicator: String
    public var value: Int
    /// What the row is dated by, as written: `2026-11-24`, `2026-W47` or a statistic's period `2026-11`.
    public var dated: String
    /// The first and last day of that day, week or period.
    public var first: CalendarDate
    public var last: CalendarDate

    public init(reporter: String, area: String, indicator: String, value: Int, dated: String, first: CalendarDate, last: CalendarDate) {
        self.reporter = reporter
        self.area = area
        self.indicator = indicator
        self.value = value
        self.dated = dated
        self.first = first
        self.last = last
    }
}
