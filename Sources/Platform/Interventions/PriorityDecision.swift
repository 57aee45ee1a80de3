/// The areas a body decided to prioritise in a period.
public struct PriorityDecision: Sendable, Hashable {
    public var period: Period
    public var areas: [String]
    public var decidedBy: String
    public var decidedOn: CalendarDate
}
