/// The rules on an intervention's stored state, checked by every store inside the transaction that changes it.
public enum InterventionRules {
    /// Only a proposed intervention can be decided, and not before it was proposed.
    public static func checkDecision(_ decision: InterventionDecision, of current: Intervention) throws {
        guard current.status == .proposed else {
            throw InterventionError("\(current.id) is already \(current.status.rawValue); only a proposed intervention can be decided")
        }
        guard decision.decidedOn >= current.proposedOn else {
            throw InterventionError("\(current.id) was proposed on \(current.proposedOn); it cannot be decided on \(decision.decidedOn)")
        }
    }

    /// Only a decided intervention that has not ended can be followed up, and not before it was decided.
    public static func checkFollowUp(on date: CalendarDate, of current: Intervention) throws {
        guard current.status == .decided, let decidedOn = current.decidedOn else {
            throw InterventionError("\(current.id) is \(current.status.rawValue); only a decided intervention that has not ended can be followed up")
        }
        guard date >= decidedOn else {
            throw InterventionError("\(current.id) was decided on \(decidedOn); it cannot be followed up on \(date)")
        }
    }

    /// The error for an id the kommun has no intervention with.
    public static func unknown(_ id: String, kommun: String) -> InterventionError {
        InterventionError("\(kommun) has no intervention '\(id)'")
    }

    /// The id after `last` (the kommun's highest id of the year, if any): `I-2026-001`, `I-2026-002`, …
    public static func nextID(after last: String?, year: Int) -> String {
        let prefix = idPrefix(year: year)
        let next = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + CalendarDate.pad(next, 3)
    }

    /// What every id of `year` starts with: `I-2026-` (a store finds the year's highest id by it).
    public static func idPrefix(year: Int) -> String {
        "I-\(year)-"
    }

    /// The comment of a proposal's first event: which lägesbild it came from.
    public static func proposalComment(_ proposal: InterventionProposal) -> String? {
        proposal.lagesbildPeriod.map { "från lägesbilden \($0)" }
    }
}
