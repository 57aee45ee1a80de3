/// One stored report's value.
public struct ReportValue: Sendable, Hashable {
    public var area: String
    public var indicator: String
    public var date: CalendarDate
    public var value: Int

    public init(area: String, indicator: String, date: CalendarDate, value: Int) {
        self.area = area
        self.indicator = indicator
        self.date = date
        self.value = value
    }
}
