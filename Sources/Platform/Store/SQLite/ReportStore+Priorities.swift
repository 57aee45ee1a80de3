import Foundation
import GRDB

extension ReportStore {
    /// Records a checked priority decision (`PriorityStore`).
    public func storePriorities(kommun: String, period: Period, areas: [String], decidedBy: String, on day: CalendarDate, now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            try db.execute(sql: """
                INSERT INTO priorities (kommun, period, areas, decided_by, decided_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [kommun, period.description, areas.joined(separator: ","), decidedBy, day.description,
                                 Timestamp.text(now)])
            return .commit
        }
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
