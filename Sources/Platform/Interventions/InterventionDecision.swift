/// A body's decision to carry out a proposed intervention.
public struct InterventionDecision: Sendable, Hashable {
    public var decidedBy: String
    public var decidedOn: CalendarDate
    /// The body, role or organisation responsible.
    public var owner: String
    public var start: CalendarDate
    public var plannedEnd: CalendarDate?

    /// A decision; see ``Intervention`` for the fields.
    public init(decidedBy: String, decidedOn: CalendarDate, owner: String, start: CalendarDate, plannedEnd: CalendarDate?) {
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.owner = owner
        self.start = start
        self.plannedEnd = plannedEnd
    }

    /// Every problem with the decision's references and dates; empty when it is valid.
    public func problems(in config: KommunConfig) -> [String] {
        let references = InterventionReferences(config: config)
        var problems = references.body(decidedBy, role: "deciding body") + references.party(owner, role: "owner")
        if let plannedEnd, plannedEnd < start {
            problems.append("the planned end \(plannedEnd) is before the start \(start)")
        }
        return problems
    }
}
