/// An intervention (insats, åtgärd): proposed from a lägesbild, decided by a body, followed up until it ends.
///
/// This is the current state; every change is also kept as an ``InterventionEvent``.
public struct Intervention: Sendable, Hashable {
    /// How far an intervention has come.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case proposed, decided, ended
    }

    /// The id within the kommun, `I-2026-001`: year of proposal and sequence.
    public var id: String
    public var kommun: String
    public var title: String
    public var status: Status
    /// The body that proposed it.
    public var proposedBy: String
    public var proposedOn: CalendarDate
    /// The lägesbild period it was proposed from, e.g. `2026-W47`.
    public var lagesbildPeriod: String?
    /// Area ids; empty means the whole kommun.
    public var areas: [String]
    /// Indicator ids it is meant to affect.
    public var indicators: [String]
    public var decidedBy: String?
    public var decidedOn: CalendarDate?
    /// The body, role or organisation responsible.
    public var owner: String?
    public var start: CalendarDate?
    public var plannedEnd: CalendarDate?
    /// The day of the `end` follow-up.
    public var endedOn: CalendarDate?
    /// Where an imported intervention came from, e.g. `activityList:medborgardialog-trygghet/sommarjobb-2022`.
    public var source: String?

    /// True when decided, started on or before `day` and not ended before it.
    public func isActive(on day: CalendarDate) -> Bool {
        guard status != .proposed, let start, start <= day else { return false }
        if let endedOn, endedOn < day { return false }
        return true
    }

    /// A value with every field given (for a store implementation).
    public init(id: String, kommun: String, title: String, status: Status, proposedBy: String, proposedOn: CalendarDate, lagesbildPeriod: String? = nil, areas: [String], indicators: [String], decidedBy: String? = nil, decidedOn: CalendarDate? = nil, owner: String? = nil, start: CalendarDate? = nil, plannedEnd: CalendarDate? = nil, endedOn: CalendarDate? = nil, source: String? = nil) {
        self.id = id
        self.kommun = kommun
        self.title = title
        self.status = status
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
        self.lagesbildPeriod = lagesbildPeriod
        self.areas = areas
        self.indicators = indicators
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.owner = owner
        self.start = start
        self.plannedEnd = plannedEnd
        self.endedOn = endedOn
        self.source = source
    }
}
