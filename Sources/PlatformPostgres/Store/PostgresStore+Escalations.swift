import Foundation
import Platform

/// Declared escalations (`EscalationStore`), as `ReportStore+Escalations.swift` does on SQLite. Declaring and
/// ending read what they check, so they run SERIALIZABLE: two servers declaring the same escalation at once
/// cannot both succeed (the second is run again, and refused).
extension PostgresStore {
    public func declare(_ escalation: String, kommun: String, area: String?, from: CalendarDate, note: String?, now: Date) throws {
        try bridge.transaction(kommun: kommun, isolation: .serializable) { transaction in
            if let open = try Self.openEscalation(escalation, kommun: kommun, area: area, transaction) {
                throw EscalationError.alreadyDeclared(escalation, kommun: kommun, area: area, from: try open.text("from_date"))
            }
            try transaction.execute("""
                INSERT INTO escalations (kommun, escalation, area, from_date, note, declared_at) VALUES ($1, $2, $3, $4, $5, $6)
                """, [.text(kommun), .text(escalation), PostgresValue(area), .text(from.description), PostgresValue(note),
                      .text(Timestamp.text(now))])
        }
    }

    public func end(_ escalation: String, kommun: String, area: String?, on day: CalendarDate, now: Date) throws {
        try bridge.transaction(kommun: kommun, isolation: .serializable) { transaction in
            guard let row = try Self.openEscalation(escalation, kommun: kommun, area: area, transaction) else {
                throw EscalationError.notDeclared(escalation, kommun: kommun, area: area)
            }
            let from = try row.text("from_date")
            guard day.description >= from else {
                throw EscalationError.endsBeforeStart(escalation, from: from, end: day)
            }
            try transaction.execute("UPDATE escalations SET until_date = $1, ended_at = $2 WHERE id = $3",
                                    [.text(day.description), .text(Timestamp.text(now)), .int(try row.int64("id"))])
        }
    }

    public func escalations(kommun: String) throws -> [DeclaredEscalation] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query("""
                SELECT escalation, from_date, until_date, area FROM escalations WHERE kommun = $1 ORDER BY from_date COLLATE "C", id
                """, [.text(kommun)]).compactMap { row in
                guard let from = CalendarDate(iso: try row.text("from_date")) else { return nil }
                return DeclaredEscalation(escalation: try row.text("escalation"), from: from,
                                          until: try row.optionalText("until_date").flatMap { CalendarDate(iso: $0) },
                                          area: try row.optionalText("area"))
            }
        }
    }

    /// The escalation in force (no end) in `area` (nil: the whole kommun): its id and first day.
    private static func openEscalation(_ escalation: String, kommun: String, area: String?,
                                       _ transaction: PostgresTransaction) throws -> PostgresResultRow? {
        try transaction.queryFirst("""
            SELECT id, from_date FROM escalations
            WHERE kommun = $1 AND escalation = $2 AND area IS NOT DISTINCT FROM $3::text AND until_date IS NULL
            """, [.text(kommun), .text(escalation), PostgresValue(area)])
    }
}
