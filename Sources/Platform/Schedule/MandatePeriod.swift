/// A four-year mandate period: from 15 October after a general election (held in September of 2018,
/// 2022, 2026 …) to 14 October four years later.
public struct MandatePeriod: Sendable, Hashable, CustomStringConvertible {
    /// The election year it follows.
    public let electionYear: Int

    /// The period starting in `year`, which must be an election year (2022, 2026, 2030 …).
    public init?(startingIn year: Int) {
        guard (year - 2022) % 4 == 0 else { return nil }
        electionYear = year
    }

    /// The period that holds `date`.
    public init(containing date: CalendarDate) {
        var year = date.year - ((date.year - 2022) % 4 + 4) % 4
        if date < CalendarDate(year: year, month: 10, day: 15)! { year -= 4 }
        electionYear = year
    }

    public var start: CalendarDate { CalendarDate(year: electionYear, month: 10, day: 15)! }
    public var end: CalendarDate { CalendarDate(year: electionYear + 4, month: 10, day: 14)! }
    public var description: String { "\(start)–\(end)" }
}

/// A state such as social oro as declared in the store: from a date, until a date or still in force, in
/// the whole kommun or in one area.
public struct DeclaredEscalation: Sendable, Hashable {
    public var escalation: String
    public var from: CalendarDate
    /// The last day; nil while it lasts.
    public var until: CalendarDate?
    /// The area it is declared in: only bodies and activities of this area or an area below it are
    /// raised. Nil for the whole kommun.
    public var area: String?

    public init(escalation: String, from: CalendarDate, until: CalendarDate?, area: String? = nil) {
        self.escalation = escalation
        self.from = from
        self.until = until
        self.area = area
    }

    public func isActive(on date: CalendarDate) -> Bool {
        date >= from && (until.map { date <= $0 } ?? true)
    }
}
