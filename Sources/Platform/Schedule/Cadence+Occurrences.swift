extension Cadence {
    /// The anchor of every-N rules and RRULEs when the file gives no `start`: Monday 2024-01-01. Without a
    /// `start` the rule runs in both directions from it; an explicit `start` is the first possible date.
    public static let defaultStart = CalendarDate(year: 2024, month: 1, day: 1)!

    /// One date of a cadence, and why it is not where the rule put it (a holiday).
    public struct Occurrence: Sendable, Hashable {
        public var date: CalendarDate
        public var note: String?
    }

    /// The dates in `range`, with Swedish public holidays skipped or moved as `holidays` says.
    ///
    /// Weekly rules fall on `weekday` (Monday by default). Longer rules fall on the `week`-th `weekday` of
    /// the month, or on the month's first working day when no weekday is given. `timesPerYear` spreads
    /// the meetings over the year (N = 2: April and October; N = 4: February, May, August, November),
    /// moving a July meeting to August, unless `months` says which months.
    public func occurrences(in range: ClosedRange<CalendarDate>) -> [Occurrence] {
        // Look a week beyond the range, so a meeting moved into it from outside is not lost.
        let wide = range.lowerBound.adding(days: -7)...range.upperBound.adding(days: 7)
        var result: [Occurrence] = []
        for date in ruleDates(in: wide) {
            guard let holiday = SwedishHolidays.name(of: date) else {
                if range.contains(date) { result.append(Occurrence(date: date, note: nil)) }
                continue
            }
            let moved: CalendarDate?
            switch holidays {
            case .skip: moved = nil
            case .moveEarlier: moved = Self.workingDay(from: date, step: -1)
            case .moveLater: moved = Self.workingDay(from: date, step: 1)
            }
            if let moved, range.contains(moved) {
                result.append(Occurrence(date: moved, note: "flyttat från \(date) (\(holiday))"))
            }
        }
        return result.sorted { $0.date < $1.date }
    }

    /// The dates the rule gives, before holidays.
    func ruleDates(in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        ruleDatesIgnoringStart(in: range).filter { date in start.map { date >= $0 } ?? true }
    }

    private func ruleDatesIgnoringStart(in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        let anchor = start ?? Self.defaultStart
        switch rule {
        case .rrule(let text):
            // An RRULE counts from its DTSTART; without a `start`, from well before any report.
            let rule = try? RecurrenceRule(parsing: text)
            return rule?.dates(start: start ?? CalendarDate(year: 2000, month: 1, day: 3)!, in: range) ?? []
        case .every(let frequency, let interval):
            return everyDates(frequency, interval: interval, anchor: anchor, in: range)
        case .timesPerYear(let times):
            let chosen = months.isEmpty ? Self.spread(times) : months
            return (range.lowerBound.year...range.upperBound.year).flatMap { year in
                chosen.map { dayInMonth(year: year, month: $0) }
            }.filter { range.contains($0) }
        }
    }

    private func everyDates(_ frequency: Frequency, interval: Int, anchor: CalendarDate,
                            in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        switch frequency {
        case .daily:
            return Self.days(in: range).filter { Self.isMultiple($0.dayNumber - anchor.dayNumber, of: interval) }
        case .weekly, .twoWeekly:
            let day = weekday.map { Weekday.allCases.firstIndex(of: $0)! + 1 } ?? 1
            let anchorMonday = anchor.adding(days: 1 - anchor.isoWeekday)
            let weeks = interval * (frequency == .twoWeekly ? 2 : 1)
            return Self.days(in: range).filter { date in
                date.isoWeekday == day && Self.isMultiple((date.dayNumber - anchorMonday.dayNumber - (day - 1)) / 7, of: weeks)
            }
        case .monthly:
            return monthly(every: interval, anchorMonth: anchor.year * 12 + anchor.month - 1, in: range)
        case .quarterly, .tertial, .halfYearly:
            // Aligned to the calendar's parts (a tertial starts in January, May or September), counted from
            // the part that holds the start.
            let months = frequency.monthsInPart!
            let partStart = anchor.year * 12 + ((anchor.month - 1) / months) * months
            return monthly(every: months * interval, anchorMonth: partStart, in: range)
        case .yearly:
            let month = months.first ?? start?.month ?? 1
            return monthly(every: 12 * interval, anchorMonth: anchor.year * 12 + month - 1, in: range)
        }
    }

    /// N months spread over the year: the middle month of each N-th part, July moved to August.
    static func spread(_ times: Int) -> [Int] {
        let part = 12.0 / Double(times)
        let months = (0..<times).map { Int((Double($0) * part + part / 2).rounded(.down)) + 1 }
        return months.map { $0 == 7 ? 8 : $0 }
    }

    private func monthly(every step: Int, anchorMonth: Int, in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        let first = range.lowerBound.year * 12 + range.lowerBound.month - 1
        let last = range.upperBound.year * 12 + range.upperBound.month - 1
        return (first...last).filter { Self.isMultiple($0 - anchorMonth, of: step) }
            .map { dayInMonth(year: $0 / 12, month: $0 % 12 + 1) }
            .filter { range.contains($0) }
    }

    /// The `week`-th `weekday` of the month, or its first working day.
    private func dayInMonth(year: Int, month: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!
        guard let weekday else { return Self.workingDay(from: first, step: 1, including: true) ?? first }
        let day = Weekday.allCases.firstIndex(of: weekday)! + 1
        let firstMatch = first.adding(days: (day - first.isoWeekday + 7) % 7)
        switch week ?? .first {
        case .first: return firstMatch
        case .second: return firstMatch.adding(days: 7)
        case .third: return firstMatch.adding(days: 14)
        case .fourth: return firstMatch.adding(days: 21)
        case .last:
            let fifth = firstMatch.adding(days: 28)
            return fifth.month == month ? fifth : firstMatch.adding(days: 21)
        }
    }

    /// Whether `value` is a multiple of `step`, negative values included.
    private static func isMultiple(_ value: Int, of step: Int) -> Bool {
        (value % step + step) % step == 0
    }

    private static func days(in range: ClosedRange<CalendarDate>) -> [CalendarDate] {
        (range.lowerBound.dayNumber...range.upperBound.dayNumber).map(CalendarDate.init(dayNumber:))
    }

    /// The nearest working day from `date` in direction `step`, `date` itself only when `including`.
    static func workingDay(from date: CalendarDate, step: Int, including: Bool = false) -> CalendarDate? {
        var day = including ? date : date.adding(days: step)
        for _ in 0..<14 {
            if SwedishHolidays.isWorkingDay(day) { return day }
            day = day.adding(days: step)
        }
        return nil
    }
}
