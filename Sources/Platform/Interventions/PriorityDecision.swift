/// The areas a body decided to prioritise in a period.
public struct PriorityDecision: Sendable, Hashable {
    public var period: Period
    public var areas: [String]
    public var decidedBy: String
    public var decidedOn: CalendarDate

    /// A value with every field given (for a store implementation).
    public init(period: Period, areas: [String], decidedBy: String, decidedOn: CalendarDate) {
        self.period = period
        self.areas = areas
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
    }
}
