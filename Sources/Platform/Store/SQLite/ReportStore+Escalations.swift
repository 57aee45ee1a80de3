import Foundation
import GRDB

extension ReportStore {
    /// Declares `escalation` (for example social oro) in force from `from`, in `area` or (nil) the whole
    /// kommun; refused while the same escalation is in force in the same area.
    public func declare(_ escalation: String, kommun: String, area: String?, from: CalendarDate, note: String?,
                        now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            if let open = try String.fetchOne(db, sql: """
                SELECT from_date FROM escalations WHERE kommun = ? AND escalation = ? AND area IS ? AND until_date IS NULL
                """, arguments: [kommun, escalation, area]) {
                throw EscalationError.alreadyDeclared(escalation, kommun: kommun, area: area, from: open)
            }
            try db.execute(sql: """
                INSERT INTO escalations (kommun, escalation, area, from_date, note, declared_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [kommun, escalation, area, from.description, note, Timestamp.text(now)])
            return .commit
        }
    }

    /// Ends the escalation in force in `area` (nil: the whole kommun); `on` is its last day.
    public func end(_ escalation: String, kommun: String, area: String?, on day: CalendarDate, now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, from_date FROM escalations WHERE kommun = ? AND escalation = ? AND area IS ? AND until_date IS NULL
                """, arguments: [kommun, escalation, area]) else {
                throw EscalationError.notDeclared(escalation, kommun: kommun, area: area)
            }
            let from: String = row[1]
            guard day.description >= from else {
                throw EscalationError.endsBeforeStart(escalation, from: from, end: day)
            }
            try db.execute(sql: "UPDATE escalations SET until_date = ?, ended_at = ? WHERE id = ?",
                           arguments: [day.description, Timestamp.text(now), row[0] as Int64])
            return .commit
        }
    }

    /// Every escalation declared for `kommun`, oldest first.
    public func escalations(kommun: String) throws -> [DeclaredEscalation] {
        try rows("SELECT escalation, from_date, until_date, area FROM escalations WHERE kommun = ? ORDER BY from_date, id", [kommun]) { row in
            guard let from = CalendarDate(iso: row[1] as String) else { return nil }
            return DeclaredEscalation(escalation: row[0], from: from, until: (row[2] as String?).flatMap { CalendarDate(iso: $0) },
                                      area: row[3])
        }
    }

}
