/// An RFC 5545 RRULE at day resolution, for cadences the simple keys cannot say
/// (`FREQ=MONTHLY;BYDAY=1TU`, `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH`, `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1`).
///
/// Supported: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT, UNTIL, BYDAY (with ordinals in
/// monthly and yearly rules), BYMONTHDAY, BYMONTH, BYSETPOS and WKST=MO. Times of day come from the
/// cadence's `time`, so BYHOUR, BYMINUTE and BYSECOND are not supported, nor BYWEEKNO and BYYEARDAY.
public struct RecurrenceRule: Sendable, Hashable {
    public enum Frequency: String, Sendable, Hashable {
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday (1 = Monday) and an optional ordinal (`1TU`, `-1FR`).
    public struct Day: Sendable, Hashable {
        public var weekday: Int
        public var ordinal: Int?
    }

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    public var until: CalendarDate?
    public var byDay: [Day] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var bySetPosition: [Int] = []

    private static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Parses a rule; the error names the part that is wrong or unsupported.
    public init(parsing text: String) throws(RecurrenceRule.ParseError) {
        var frequency: Frequency?
        for part in text.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw ParseError("an RRULE part is NAME=VALUE, found '\(part)'") }
            let (name, value) = (pieces[0], pieces[1])
            let list = value.split(separator: ",").map(String.init)
            switch name {
            case "FREQ":
                guard let parsed = Frequency(rawValue: value) else {
                    throw ParseError("FREQ=\(value) is not supported (use DAILY, WEEKLY, MONTHLY or YEARLY)")
                }
                frequency = parsed
            case "INTERVAL": interval = try Self.number(value, name, 1...1000)
            case "COUNT": count = try Self.number(value, name, 1...10_000)
            case "UNTIL":
                guard value.count >= 8, let date = CalendarDate(iso: "\(value.prefix(4))-\(value.dropFirst(4).prefix(2))-\(value.dropFirst(6).prefix(2))") else {
                    throw ParseError("UNTIL=\(value) is not a date such as 20271231")
                }
                until = date
            case "BYDAY":
                for item in list { byDay.append(try Self.day(item)) }
            case "BYMONTHDAY":
                for item in list { byMonthDay.append(try Self.number(item, name, -31...31)) }
                byMonthDay.removeAll { $0 == 0 }
            case "BYMONTH":
                for item in list { byMonth.append(try Self.number(item, name, 1...12)) }
            case "BYSETPOS":
                for item in list { bySetPosition.append(try Self.number(item, name, -366...366)) }
                bySetPosition.removeAll { $0 == 0 }
            case "WKST":
                guard value == "MO" else { throw ParseError("WKST=\(value) is not supported; weeks start on Monday (MO)") }
            default:
                throw ParseError("RRULE part \(name) is not supported (times of day come from the cadence's time)")
            }
        }
        guard let frequency else { throw ParseError("an RRULE needs FREQ") }
        self.frequency = frequency
    }

    /// The dates from `start` (DTSTART) that fall in `range`, in order.
    public func dates(start: CalendarDate, in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        var result: [CalendarDate] = []
        var produced = 0
        // Without COUNT nothing before the range matters: start at the last period on the rule's interval
        // that begins before it (a rule from 2000 need not walk 26 years of months for one week).
        var step = count == nil ? Swift.max(0, periods(from: start, to: range.lowerBound) / interval * interval) : 0
        let last = Swift.min(range.upperBound, until ?? range.upperBound)
        while true {
            guard let periodStart = periodStart(start: start, step: step), periodStart <= last else { break }
            var candidates = candidates(in: periodStart, start: start).filter { $0 >= start }
            if !bySetPosition.isEmpty {
                let all = candidates
                candidates = bySetPosition.compactMap { position in
                    let index = position > 0 ? position - 1 : all.count + position
                    return all.indices.contains(index) ? all[index] : nil
                }.sorted()
            }
            for date in candidates where date <= last {
                produced += 1
                if let count, produced > count { return result }
                if range.contains(date) { result.append(date) }
            }
            step += interval
        }
        return result
    }

    /// How many whole periods lie between the one holding `start` and the one holding `date`.
    private func periods(from start: CalendarDate, to date: CalendarDate) -> Int {
        switch frequency {
        case .daily: return date.dayNumber - start.dayNumber
        case .weekly: return ((date.dayNumber - date.isoWeekday) - (start.dayNumber - start.isoWeekday)) / 7
        case .monthly: return (date.year * 12 + date.month) - (start.year * 12 + start.month)
        case .yearly: return date.year - start.year
        }
    }

    /// The first day of the `step`-th period after the one holding `start`.
    private func periodStart(start: CalendarDate, step: Int) -> CalendarDate? {
        switch frequency {
        case .daily: return start.adding(days: step)
        case .weekly: return start.adding(days: 1 - start.isoWeekday + 7 * step)
        case .monthly: return CalendarDate(year: start.year, month: start.month, day: 1)!.adding(months: step)
        case .yearly: return CalendarDate(year: start.year + step, month: 1, day: 1)
        }
    }

    /// The dates the BY rules pick in the period starting `first`, sorted.
    private func candidates(in first: CalendarDate, start: CalendarDate) -> [CalendarDate] {
        let weekdays = Set(byDay.map(\.weekday))
        switch frequency {
        case .daily:
            let ok = (byDay.isEmpty || weekdays.contains(first.isoWeekday)) && (byMonth.isEmpty || byMonth.contains(first.month))
                && (byMonthDay.isEmpty || byMonthDay.contains { Self.monthDay($0, first.year, first.month) == first.day })
            return ok ? [first] : []
        case .weekly:
            let days = byDay.isEmpty ? [start.isoWeekday] : byDay.map(\.weekday)
            return days.sorted().map { first.adding(days: $0 - 1) }.filter { byMonth.isEmpty || byMonth.contains($0.month) }
        case .monthly:
            guard byMonth.isEmpty || byMonth.contains(first.month) else { return [] }
            return monthDates(year: first.year, month: first.month, defaultDay: start.day)
        case .yearly:
            let months = byMonth.isEmpty ? [start.month] : byMonth.sorted()
            return months.flatMap { monthDates(year: first.year, month: $0, defaultDay: start.day) }
        }
    }

    private func monthDates(year: Int, month: Int, defaultDay: Int) -> [CalendarDate] {
        let length = CalendarDate.daysIn(month: month, year: year)
        var days: [Int] = []
        if !byMonthDay.isEmpty {
            days = byMonthDay.compactMap { Self.monthDay($0, year, month) }
        } else if !byDay.isEmpty {
            let first = CalendarDate(year: year, month: month, day: 1)!
            for spec in byDay {
                let all = (1...length).filter { first.adding(days: $0 - 1).isoWeekday == spec.weekday }
                if let ordinal = spec.ordinal {
                    let index = ordinal > 0 ? ordinal - 1 : all.count + ordinal
                    if all.indices.contains(index) { days.append(all[index]) }
                } else {
                    days += all
                }
            }
        } else if defaultDay <= length {
            days = [defaultDay]
        }
        return Set(days).sorted().map { CalendarDate(year: year, month: month, day: $0)! }
    }

    /// A BYMONTHDAY value as a day of the month (negative counts from the end), or nil when out of range.
    private static func monthDay(_ value: Int, _ year: Int, _ month: Int) -> Int? {
        let length = CalendarDate.daysIn(month: month, year: year)
        let day = value > 0 ? value : length + value + 1
        return (1...length).contains(day) ? day : nil
    }

    private static func number(_ text: String, _ name: String, _ range: ClosedRange<Int>) throws(ParseError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw ParseError("\(name)=\(text) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func day(_ text: String) throws(ParseError) -> Day {
        let code = String(text.suffix(2))
        guard let index = weekdays.firstIndex(of: code) else { throw ParseError("BYDAY value '\(text)' is not a weekday such as MO or 1TU") }
        let prefix = text.dropLast(2)
        guard prefix.isEmpty || Int(prefix) != nil else { throw ParseError("BYDAY value '\(text)' is not a weekday such as MO or 1TU") }
        return Day(weekday: index + 1, ordinal: prefix.isEmpty ? nil : Int(prefix))
    }

    /// What is wrong with an RRULE.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
