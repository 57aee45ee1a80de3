/// How often a body meets or an activity recurs.
public struct Cadence: Sendable, Hashable {
    /// The recurrence itself.
    public enum Rule: Sendable, Hashable {
        /// Every `interval`-th day, week, month, quarter or year.
        case every(Frequency, interval: Int)
        /// N times a year, spread evenly.
        case timesPerYear(Int)
        /// An RFC 5545 RRULE, for anything else.
        case rrule(String)
    }

    /// A calendar unit of recurrence.
    public enum Frequency: String, Sendable, Hashable, CaseIterable, ConfigEnum {
        case daily, weekly, monthly, quarterly, yearly
    }

    /// What happens to an occurrence on a Swedish public holiday.
    public enum HolidayPolicy: String, Sendable, Hashable, CaseIterable, ConfigEnum {
        case skip
        case moveEarlier = "move-earlier"
        case moveLater = "move-later"
    }

    public var rule: Rule
    public var weekday: Weekday?
    public var time: TimeOfDay?
    public var duration: ConfigDuration?
    public var holidays: HolidayPolicy
    public var note: String?
}

/// A day of the week, Monday first as in Sweden.
public enum Weekday: String, Sendable, Hashable, CaseIterable, ConfigEnum {
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
        if let rrule, let problem = Self.problem(inRRule: rrule) {
            m.value("rrule")?.error(problem)
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

    private static let rruleParts: Set<String> = [
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
        "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]
    private static let rruleFrequencies: Set<String> = [
        "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
    ]

    /// What is wrong with an RRULE's form (RFC 5545 §3.3.10), or nil.
    static func problem(inRRule rule: String) -> String? {
        var names: Set<String> = []
        for part in rule.split(separator: ";", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2, !pieces[1].isEmpty else { return "an RRULE part is NAME=VALUE, found '\(part)'" }
            guard rruleParts.contains(pieces[0]) else { return "unknown RRULE part '\(pieces[0])'" }
            guard names.insert(pieces[0]).inserted else { return "RRULE part '\(pieces[0])' given twice" }
            if pieces[0] == "FREQ", !rruleFrequencies.contains(pieces[1]) {
                return "unknown RRULE frequency '\(pieces[1])'"
            }
        }
        return names.contains("FREQ") ? nil : "an RRULE needs FREQ"
    }
}
