/// One current report as the store holds it: what a reporter sees of its own reports ("your reports this
/// period"), to correct or withdraw.
public struct StoredReport: Sendable, Hashable {
    /// The reporter's id for the report; nil for a row delivered without one (it cannot be corrected or
    /// withdrawn on its own, only replaced by a delivery of its day).
    public var ref: String?
    public var date: CalendarDate
    /// `HH:MM`, when given.
    public var time: String?
    /// The area's id.
    public var area: String
    public var indicator: String
    public var value: Int
    public var place: String?
    public var note: String?
    /// When this revision was stored (ISO 8601, UTC).
    public var ingestedAt: String

    public init(ref: String?, date: CalendarDate, time: String?, area: String, indicator: String, value: Int,
                place: String?, note: String?, ingestedAt: String) {
        (self.ref, self.date, self.time, self.area, self.indicator, self.value) = (ref, date, time, area, indicator, value)
        (self.place, self.note, self.ingestedAt) = (place, note, ingestedAt)
    }
}
