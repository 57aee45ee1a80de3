/// One day's reports for one area and indicator.
public struct DailyCell: Sendable, Hashable {
    public var area: String
    public var indicator: String
    public var date: CalendarDate
    public var sum: Int
    public var max: Int
    public var rows: Int

    public init(area: String, indicator: String, date: CalendarDate, sum: Int, max: Int, rows: Int) {
        self.area = area
        self.indicator = indicator
        self.date = date
        self.sum = sum
        self.max = max
        self.rows = rows
    }
}
