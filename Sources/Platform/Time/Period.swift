/// A reporting or analysis period: one run of days of a kind — an ISO week, two weeks, a month, a tertial, a
/// quarter, a half-year or a year.
///
/// A period is its kind and its first day; everything else (its end, its neighbours, its name) follows by
/// one rule per unit, so every kind works everywhere a period does: a lägesbild, `--period`, baselines,
/// the same period last year, priorities, deadlines.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: Kind
    /// The first day of the period.
    public let start: CalendarDate
    /// The last day of the period (kept, as `contains` runs per report).
    public let end: CalendarDate

    /// The period of `kind` that holds `date`.
    public init(containing date: CalendarDate, kind: Kind) {
        self.kind = kind
        switch kind.unit {
        case .week:
            let span = 7 * kind.length
            let monday = date.dayNumber - (date.isoWeekday - 1)
            let first = monday - Self.floorMod(monday - kind.phase, span)
            start = CalendarDate(dayNumber: first)
            end = CalendarDate(dayNumber: first + span - 1)
        case .month:
            let index = date.year * 12 + date.month - 1
            let first = index - Self.floorMod(index, kind.length)
            start = CalendarDate(year: Self.floorDiv(first, 12), month: Self.floorMod(first, 12) + 1, day: 1)!
            end = start.adding(months: kind.length).adding(days: -1)
        }
    }

    /// Parses `2026-W47`, `2026-W47-48` (two weeks), `2026-11`, `2026-T3`, `2026-Q4`, `2026-H1` or `2026`.
    ///
    /// A two-week period parsed from text starts in the week it names; whether that is a kommun's
    /// two-week rhythm is for the caller to check (compare the kinds).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ part: Substring, prefix: Character?, digits: Int) -> Int? {
            let digitsPart = part.dropFirst(prefix == nil ? 0 : 1)
            guard prefix.map({ part.first == $0 }) ?? true, digitsPart.count == digits,
                  digitsPart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digitsPart)
        }
        guard let year = parts.first.flatMap({ number($0, prefix: nil, digits: 4) }) else { return nil }
        switch parts.count {
        case 1:
            self.init(kind: .year, year: year, ordinal: 1)
        case 2:
            let part = parts[1]
            if let week = number(part, prefix: "W", digits: 2) {
                guard (1...Self.weeksIn(year: year)).contains(week) else { return nil }
                self.init(containing: Self.monday(ofWeek: week, in: year), kind: .week)
                return
            }
            let byPrefix: [(Character?, Int, Kind)] = [("T", 1, .tertial), ("Q", 1, .quarter), ("H", 1, .halfYear), (nil, 2, .month)]
            guard let (ordinal, kind) = byPrefix.lazy.compactMap({ prefix, digits, kind in
                number(part, prefix: prefix, digits: digits).map { ($0, kind) }
            }).first, (1...(12 / kind.length)).contains(ordinal) else { return nil }
            self.init(kind: kind, year: year, ordinal: ordinal)
        case 3:
            // Two weeks: `2026-W47-48`, or across a year end `2026-W53-01`.
            guard let week = number(parts[1], prefix: "W", digits: 2), (1...Self.weeksIn(year: year)).contains(week),
                  let second = number(parts[2], prefix: nil, digits: 2) else { return nil }
            let monday = Self.monday(ofWeek: week, in: year)
            guard monday.adding(days: 7).isoWeek.week == second else { return nil }
            self.init(containing: monday, kind: .twoWeeks(startingOn: monday))
        default:
            return nil
        }
    }

    /// The `ordinal`-th period of a kind counted in months (1-based) within `year`.
    private init(kind: Kind, year: Int, ordinal: Int) {
        self.init(containing: CalendarDate(year: year, month: (ordinal - 1) * kind.length + 1, day: 1)!, kind: kind)
    }

    /// The period after this one.
    public var next: Period {
        offset(by: 1)
    }

    /// The period before this one.
    public var previous: Period {
        offset(by: -1)
    }

    /// The period `count` periods later (earlier when negative).
    public func offset(by count: Int) -> Period {
        switch kind.unit {
        case .week: Period(containing: start.adding(days: 7 * kind.length * count), kind: kind)
        case .month: Period(containing: start.adding(months: kind.length * count), kind: kind)
        }
    }

    /// The same period a year earlier: for weeks, the one holding the same ISO week number (week 52 when
    /// the year before had no week 53); otherwise the same months.
    public var sameLastYear: Period {
        switch kind.unit {
        case .week:
            let (year, week) = start.isoWeek
            return Period(containing: Self.monday(ofWeek: min(week, Self.weeksIn(year: year - 1)), in: year - 1), kind: kind)
        case .month:
            return Period(containing: start.adding(months: -12), kind: kind)
        }
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: CalendarDate) -> Bool {
        start <= date && date <= end
    }

    /// Whether the whole of `other` lies within this period.
    public func contains(_ other: Period) -> Bool {
        start <= other.start && other.end <= end
    }

    /// The year the period is named by: the ISO week-numbering year for weeks.
    public var year: Int {
        kind.unit == .week ? start.isoWeek.year : start.year
    }

    /// The period's number within its year: the (first) week, the month, the tertial, quarter or half; 1 for a year.
    public var ordinal: Int {
        switch kind.unit {
        case .week: start.isoWeek.week
        case .month: (start.month - 1) / kind.length + 1
        }
    }

    /// `2026-W47`, `2026-W47-48`, `2026-11`, `2026-T3`, `2026-Q4`, `2026-H1`, `2026`.
    public var description: String {
        let year = String(year)
        switch kind.unit {
        case .week:
            let week = year + "-W" + CalendarDate.pad(ordinal, 2)
            return kind.length == 1 ? week : week + "-" + CalendarDate.pad(start.adding(days: 7).isoWeek.week, 2)
        case .month:
            switch kind.length {
            case 1: return year + "-" + CalendarDate.pad(ordinal, 2)
            case 12: return year
            default: return year + "-" + kind.letter + String(ordinal)
            }
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// 53 when the year's ISO calendar has a week 53, else 52.
    public static func weeksIn(year: Int) -> Int {
        CalendarDate(year: year, month: 12, day: 28)!.isoWeek.week
    }

    /// The Monday of ISO week `week` of `year`.
    static func monday(ofWeek week: Int, in year: Int) -> CalendarDate {
        let january4 = CalendarDate(year: year, month: 1, day: 4)!
        return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
    }

    private static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    private static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        (value - floorMod(value, divisor)) / divisor
    }
}

extension Period {
    /// What sort of period: a number of weeks or of months, aligned to a start.
    ///
    /// Kinds counted in months are aligned to January (a tertial is January–April, May–August or
    /// September–December). Weeks are ISO weeks; two weeks are aligned to the Monday of a given start, so a
    /// group that meets every other week can have its periods fall between its meetings.
    public struct Kind: Sendable, Hashable, Codable, CustomStringConvertible {
        /// What a kind is counted in.
        public enum Unit: Sendable, Hashable, Codable {
            case week, month
        }

        public let unit: Unit
        /// How many weeks or months.
        public let length: Int
        /// For weeks: the day number of an aligned Monday, modulo the kind's span in days. 0 for months.
        let phase: Int

        private init(unit: Unit, length: Int, phase: Int = 0) {
            self.unit = unit
            self.length = length
            self.phase = phase
        }

        /// An ISO week, Monday to Sunday.
        public static let week = Kind(unit: .week, length: 1, phase: 4)  // 1970-01-05 was a Monday
        /// Two weeks, aligned to weeks 1–2 of 2024 (starting Monday 2024-01-01).
        public static let twoWeeks = twoWeeks(startingOn: CalendarDate(year: 2024, month: 1, day: 1)!)
        public static let month = Kind(unit: .month, length: 1)
        /// Four months: January–April, May–August, September–December.
        public static let tertial = Kind(unit: .month, length: 4)
        public static let quarter = Kind(unit: .month, length: 3)
        public static let halfYear = Kind(unit: .month, length: 6)
        public static let year = Kind(unit: .month, length: 12)

        /// The kind of these parts when it is one the platform makes, else nil: a month, tertial, quarter,
        /// half-year or year (phase 0), or one or two weeks aligned to a Monday (day number 4, 11, … modulo
        /// the span). For parts read back from outside, such as a cache entry.
        static func known(unit: Unit, length: Int, phase: Int) -> Kind? {
            let named = Self.named.contains { $0.unit == unit && $0.length == length }
            let aligned = unit == .month ? phase == 0 : (0..<7 * length).contains(phase) && phase % 7 == 4
            return named && aligned ? Kind(unit: unit, length: length, phase: phase) : nil
        }

        /// Two weeks, the first of them the ISO week holding `day`.
        public static func twoWeeks(startingOn day: CalendarDate) -> Kind {
            let monday = day.dayNumber - (day.isoWeekday - 1)
            return Kind(unit: .week, length: 2, phase: Period.floorMod(monday, 14))
        }

        /// Every kind by its name in kommun files and output, two weeks aligned to the default start.
        public static let named: [Kind] = [.week, .twoWeeks, .month, .tertial, .quarter, .halfYear, .year]

        /// The kind named `name` (`week`, `two-weeks`, `month`, `tertial`, `quarter`, `half-year`, `year`).
        public init?(name: String) {
            guard let kind = Self.named.first(where: { $0.name == name }) else { return nil }
            self = kind
        }

        /// `week`, `two-weeks`, `month`, `tertial`, `quarter`, `half-year`, `year`.
        public var name: String {
            switch (unit, length) {
            case (.week, 1): "week"
            case (.week, _): "two-weeks"
            case (.month, 1): "month"
            case (.month, 3): "quarter"
            case (.month, 4): "tertial"
            case (.month, 6): "half-year"
            default: "year"
            }
        }

        public var description: String { name }

        /// The letter in period ids of kinds between a month and a year: `T`, `Q`, `H`.
        fileprivate var letter: String {
            switch length {
            case 3: "Q"
            case 4: "T"
            default: "H"
            }
        }
    }
}
