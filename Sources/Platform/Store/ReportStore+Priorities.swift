import Foundation
import GRDB

extension ReportStore {
    /// Records that `decidedBy` prioritised `areas` in `period`; a later decision for the same period replaces
    /// it as the one in force, and both are kept.
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
        try queue.inTransaction(.immediate) { db in
            try db.execute(sql: """
                INSERT INTO priorities (kommun, period, areas, decided_by, decided_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [config.id, period.description, areas.joined(separator: ","), decidedBy, day.description,
                                 Timestamp.text(now)])
            return .commit
        }
    }

    /// The priorities in force for `period`: the latest decision recorded for it, or nil.
    public func priorities(kommun: String, period: Period) throws -> PriorityDecision? {
        try priorityDecisions(kommun: kommun).last { $0.period == period }
    }

    /// Every priority decision of `kommun`, by period, then in the order recorded.
    public func priorityDecisions(kommun: String) throws -> [PriorityDecision] {
        try rows("SELECT period, areas, decided_by, decided_on FROM priorities WHERE kommun = ? ORDER BY period, id", [kommun]) { row in
            guard let period = Period(row[0] as String), let day = CalendarDate(iso: row[3] as String) else { return nil }
            return PriorityDecision(period: period, areas: (row[1] as String).split(separator: ",").map(String.init),
                                    decidedBy: row[2], decidedOn: day)
        }
    }
}
