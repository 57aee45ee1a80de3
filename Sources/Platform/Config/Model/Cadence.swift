/// How often a body meets or an activity recurs.
public struct Cadence: Sendable, Hashable, Codable {
    /// The recurrence itself.
    public enum Rule: Sendable, Hashable, Codable {
        /// Every `interval`-th day, week, two weeks, month, quarter, tertial, half-year or year.
        case every(Frequency, interval: Int)
        /// N times a year, spread evenly.
        case timesPerYear(Int)
        /// An RFC 5545 RRULE, for anything else.
        case rrule(String)
    }

    /// A calendar unit of recurrence.
    public enum Frequency: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case daily, weekly
        /// Every other week, counted from the week of `start`.
        case twoWeekly = "two-weekly"
        case monthly
        case quarterly
        /// Once per tertial: January, May and September.
        case tertial
        /// Once per half-year: January and July.
        case halfYearly = "half-yearly"
        case yearly

        /// The months in one part of the year, for the kinds aligned to the calendar's parts.
        var monthsInPart: Int? {
            switch self {
            case .quarterly: 3
            case .tertial: 4
            case .halfYearly: 6
            default: nil
            }
        }
    }

    /// What happens to an occurrence on a Swedish public holiday.
    public enum HolidayPolicy: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case skip
        case moveEarlier = "move-earlier"
        case moveLater = "move-later"
    }

    /// Which week of the month a monthly, quarterly, yearly or N-times-a-year meeting falls in.
    public enum WeekOfMonth: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case first, second, third, fourth, last
    }

    public var rule: Rule
    public var weekday: Weekday?
    /// For rules longer than a week: the week of the month (with `weekday`); the first by default.
    public var week: WeekOfMonth?
    /// For yearly and N-times-a-year rules: the months it falls in (`[3, 9]`), instead of spread evenly.
    public var months: [Int]
    /// The first date, anchoring every-N rules and RRULEs; 2024-01-01 by default.
    public var start: CalendarDate?
    public var time: TimeOfDay?
    public var duration: ConfigDuration?
    public var holidays: HolidayPolicy
    public var note: String?
}

/// A day of the week, Monday first as in Sweden.
public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

extension Cadence: ConfigObject {
    init?(from m: ConfigMapping) {
        let choice = m.exactlyOne(of: ["frequency", "timesPerYear", "rrule"])
        let frequency: Frequency? = m.optional("frequency")
        let interval: Int = m.optional("interval") ?? 1
        let timesPerYear: Int? = m.optional("timesPerYear")
        let rrule: String? = m.optional("rrule")
        weekday = m.optional("weekday")
        week = m.optional("week")
        months = m.list("months")
        start = m.optional("start")
        time = m.optional("time")
        duration = m.optional("duration")
        holidays = m.optional("holidays") ?? .moveLater
        note = m.optional("note")
        if interval < 1 { m.value("interval")?.error("an interval is at least 1, found \(interval)") }
        if m.has("interval"), frequency == nil, choice != nil {
            m.value("interval")?.error("'interval' goes with 'frequency'")
        }
        if let timesPerYear, !(1...366).contains(timesPerYear) {
            m.value("timesPerYear")?.error("timesPerYear is between 1 and 366, found \(timesPerYear)")
        }
        if let rrule {
            do { _ = try RecurrenceRule(parsing: rrule) } catch { m.value("rrule")?.error(error.description) }
        }
        for month in months where !(1...12).contains(month) {
            m.value("months")?.error("a month is 1 to 12, found \(month)")
        }
        if let timesPerYear, !months.isEmpty, months.count != timesPerYear {
            m.value("months")?.error("timesPerYear is \(timesPerYear) but \(months.count.counted("month")) " + (months.count == 1 ? "is" : "are") + " given")
        }
        switch choice {
        case "frequency":
            guard let frequency else { return nil }
            rule = .every(frequency, interval: max(1, interval))
        case "timesPerYear":
            guard let timesPerYear else { return nil }
            rule = .timesPerYear(timesPerYear)
        case "rrule":
            guard let rrule else { return nil }
            rule = .rrule(rrule)
        default:
            return nil
        }
    }
}
