/// A reporting period: an ISO week, a month, a quarter or a year.
public enum Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// An ISO 8601 week: Monday to Sunday; week 1 holds the year's first Thursday.
    case week(year: Int, week: Int)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case year(Int)

    /// The kind of a period, without its position.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case week, month, quarter, year
    }

    /// Parses `2026-W47`, `2026-11`, `2026-Q4` or `2026`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            self = .year(year)
        case 2 where parts[1].hasPrefix("W") && parts[1].count == 3:
            guard let week = Int(parts[1].dropFirst()), week >= 1, week <= Self.weeksIn(year: year) else { return nil }
            self = .week(year: year, week: week)
        case 2 where parts[1].hasPrefix("Q") && parts[1].count == 2:
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            self = .quarter(year: year, quarter: quarter)
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = .month(year: year, month: month)
        default:
            return nil
        }
    }

    /// The period of `kind` that holds `date`.
    public init(containing date: CalendarDate, kind: Kind) {
        switch kind {
        case .week:
            let (year, week) = date.isoWeek
            self = .week(year: year, week: week)
        case .month: self = .month(year: date.year, month: date.month)
        case .quarter: self = .quarter(year: date.year, quarter: (date.month - 1) / 3 + 1)
        case .year: self = .year(date.year)
        }
    }

    public var kind: Kind {
        switch self {
        case .week: .week
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        }
    }

    /// The first day of the period.
    public var start: CalendarDate {
        switch self {
        case let .week(year, week):
            let january4 = CalendarDate(year: year, month: 1, day: 4)!
            return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
        case let .month(year, month): return CalendarDate(year: year, month: month, day: 1)!
        case let .quarter(year, quarter): return CalendarDate(year: year, month: (quarter - 1) * 3 + 1, day: 1)!
        case let .year(year): return CalendarDate(year: year, month: 1, day: 1)!
        }
    }

    /// The last day of the period.
    public var end: CalendarDate {
        next.start.adding(days: -1)
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
        switch self {
        case .week:
            return Period(containing: start.adding(days: 7 * count), kind: .week)
        case let .month(year, month):
            return Period(containing: CalendarDate(year: year, month: month, day: 1)!.adding(months: count), kind: .month)
        case let .quarter(year, quarter):
            let index = year * 4 + quarter - 1 + count
            return .quarter(year: index / 4, quarter: index % 4 + 1)
        case let .year(year):
            return .year(year + count)
        }
    }

    /// The same period a year earlier: the same week number (or week 52 when the year had no week 53).
    public var sameLastYear: Period {
        switch self {
        case let .week(year, week): .week(year: year - 1, week: min(week, Self.weeksIn(year: year - 1)))
        case let .month(year, month): .month(year: year - 1, month: month)
        case let .quarter(year, quarter): .quarter(year: year - 1, quarter: quarter)
        case let .year(year): .year(year - 1)
        }
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: CalendarDate) -> Bool {
        start <= date && date <= end
    }

    /// `2026-W47`, `2026-11`, `2026-Q4`, `2026`.
    public var description: String {
        switch self {
        case let .week(year, week): "\(year)-W" + CalendarDate.pad(week, 2)
        case let .month(year, month): "\(year)-" + CalendarDate.pad(month, 2)
        case let .quarter(year, quarter): "\(year)-Q\(quarter)"
        case let .year(year): "\(year)"
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// 53 when the year's ISO calendar has a week 53, else 52.
    public static func weeksIn(year: Int) -> Int {
        CalendarDate(year: year, month: 12, day: 28)!.isoWeek.week
    }
}
