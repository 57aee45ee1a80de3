import Platform

/// A time zone the calendar writer can describe in a VTIMEZONE, and the rule it follows itself when it
/// turns an event's start and length into its end.
///
/// Only Europe/Stockholm: central European time (CET, +01:00) with summer time (CEST, +02:00) from the
/// last Sunday of March to the last Sunday of October, changing at 01:00 UTC, the rule Sweden has kept
/// since 1996. The times of this rule are counted in minutes since 1970-01-01 00:00, on the local clock
/// or in UTC.
struct ICSTimeZone: Sendable {
    /// The zones there is a rule for.
    static let supported = ["Europe/Stockholm"]

    /// The TZID: `Europe/Stockholm`.
    let identifier: String

    private static let standardOffset = 60
    private static let daylightOffset = 120
    private static let minutesPerDay = 24 * 60

    /// The zone named `identifier`, or nil when there is no rule for it.
    init?(identifier: String) {
        guard Self.supported.contains(identifier) else { return nil }
        self.identifier = identifier
    }

    /// The VTIMEZONE component, whose DTSTARTs are the first changes under the rule (in 1996).
    var component: [ICSLine] {
        [
            ICSLine("BEGIN", "VTIMEZONE"),
            ICSLine("TZID", identifier),
            ICSLine("BEGIN", "STANDARD"),
            ICSLine("DTSTART", "19961027T030000"),
            ICSLine("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
            ICSLine("TZOFFSETFROM", "+0200"),
            ICSLine("TZOFFSETTO", "+0100"),
            ICSLine("TZNAME", "CET"),
            ICSLine("END", "STANDARD"),
            ICSLine("BEGIN", "DAYLIGHT"),
            ICSLine("DTSTART", "19960331T020000"),
            ICSLine("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
            ICSLine("TZOFFSETFROM", "+0100"),
            ICSLine("TZOFFSETTO", "+0200"),
            ICSLine("TZNAME", "CEST"),
            ICSLine("END", "DAYLIGHT"),
            ICSLine("END", "VTIMEZONE"),
        ]
    }

    /// The UTC time of the local time `local`. As RFC 5545 §3.3.5 has it, a local time in the hour that
    /// does not exist in March is read with the offset before the change, and one in the hour that occurs
    /// twice in October means its first occurrence, in summer time.
    func utc(fromLocal local: Int) -> Int {
        let year = Self.year(of: local)
        let summer = Self.change(year: year, month: 3, at: 3 * 60)..<Self.change(year: year, month: 10, at: 3 * 60)
        return local - (summer.contains(local) ? Self.daylightOffset : Self.standardOffset)
    }

    /// The local time at the UTC time `utc`.
    func local(fromUTC utc: Int) -> Int {
        let year = Self.year(of: utc)
        let summer = Self.change(year: year, month: 3, at: 60)..<Self.change(year: year, month: 10, at: 60)
        return utc + (summer.contains(utc) ? Self.daylightOffset : Self.standardOffset)
    }

    /// The year of the day a time in minutes falls on.
    private static func year(of minutes: Int) -> Int {
        CalendarDate(dayNumber: Int((Double(minutes) / Double(minutesPerDay)).rounded(.down))).year
    }

    /// `minuteOfDay` on the last Sunday of `month` in `year`.
    private static func change(year: Int, month: Int, at minuteOfDay: Int) -> Int {
        let lastDay = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        let lastSunday = lastDay.adding(days: -(lastDay.isoWeekday % 7))
        return lastSunday.dayNumber * minutesPerDay + minuteOfDay
    }
}
