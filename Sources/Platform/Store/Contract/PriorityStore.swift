import Foundation

/// Priority decisions: which areas a kommun prioritises in a period. Every decision is kept; the latest one
/// for a period is the one in force.
public protocol PriorityStore: Sendable {
    /// Records a checked decision.
    func storePriorities(kommun: String, period: Period, areas: [String], decidedBy: String, on day: CalendarDate, now: Date) throws
    /// Every priority decision of `kommun`, by period, then in the order recorded.
    func priorityDecisions(kommun: String) throws -> [PriorityDecision]
}

extension PriorityStore {
    /// Records that `decidedBy` prioritised `areas` in `period`, checked against the kommun file; a later
    /// decision for the same period replaces it as the one in force, and both are kept.
    public func decidePriorities(kommun config: KommunConfig, period: Period, areas: [String], decidedBy: String, on day: CalendarDate,
                                 now: Date = Date()) throws {
        let references = InterventionReferences(config: config)
        var problems = references.body(decidedBy, role: "deciding body") + areas.flatMap(references.area)
        if let priorities = config.priorities {
            if let decider = priorities.decidedBy, decider != decidedBy {
                problems.append("\(config.id)'s file says priorities are decided by '\(decider)', not '\(decidedBy)'")
            }
            if areas.count > priorities.areas {
                problems.append("\(config.id) prioritises \(priorities.areas) areas per \(priorities.period.name), found \(areas.count)")
            }
        } else {
            problems.append("\(config.id)'s file sets no lagesbild.priorities")
        }
        if areas.isEmpty { problems.append("no areas given") }
        if Set(areas).count != areas.count { problems.append("an area is given twice") }
        guard problems.isEmpty else { throw InterventionError(problems) }
        try storePriorities(kommun: config.id, period: period, areas: areas, decidedBy: decidedBy, on: day, now: now)
    }

    /// The priorities in force for `period`: the latest decision recorded for it, or nil.
    public func priorities(kommun: String, period: Period) throws -> PriorityDecision? {
        try priorityDecisions(kommun: kommun).last { $0.period == period }
    }
}
