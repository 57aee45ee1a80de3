import Foundation
import Platform

/// Priority decisions (`PriorityStore`), as `ReportStore+Priorities.swift` does on SQLite.
extension PostgresStore {
    public func storePriorities(kommun: String, period: Period, areas: [String], decidedBy: String, on day: CalendarDate, now: Date) throws {
        try bridge.transaction(kommun: kommun) { transaction in
            try transaction.execute("""
                INSERT INTO priorities (kommun, period, areas, decided_by, decided_on, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
                """, [.text(kommun), .text(period.description), .text(areas.joined(separator: ",")), .text(decidedBy),
                      .text(day.description), .text(Timestamp.text(now))])
        }
    }

    public func priorityDecisions(kommun: String) throws -> [PriorityDecision] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query("""
                SELECT period, areas, decided_by, decided_on FROM priorities WHERE kommun = $1 ORDER BY period COLLATE "C", id
                """, [.text(kommun)]).compactMap { row in
                guard let period = Period(try row.text("period")), let day = CalendarDate(iso: try row.text("decided_on")) else { return nil }
                return PriorityDecision(period: period, areas: try row.text("areas").split(separator: ",").map(String.init),
                                        decidedBy: try row.text("decided_by"), decidedOn: day)
            }
        }
    }
}
