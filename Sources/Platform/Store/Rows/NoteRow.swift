/// A stored note or place text.
public struct NoteRow: Sendable, Hashable {
    public var date: CalendarDate
    public var time: String?
    public var reporter: String
    public var area: String
    public var indicator: String
    public var place: String?
    public var note: String?

    public init(date: CalendarDate, time: String?, reporter: String, area: String, indicator: String, place: String?, note: String?) {
        self.date = date
        self.time = time
        self.reporter = reporter
        self.area = area
        self.indicator = indicator
        self.place = place
        self.note = note
    }
}
