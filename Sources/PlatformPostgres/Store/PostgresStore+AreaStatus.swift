import Foundation
import Platform

/// Assessed area statuses (`AreaStatusStore`), as `ReportStore+AreaStatus.swift` does on SQLite; the history
/// is append-only (the database's triggers refuse UPDATE and DELETE).
extension PostgresStore {
    public func storeAreaStatus(_ assessment: AreaStatusAssessment, kommun: String, now: Date) throws {
        try bridge.transaction(kommun: kommun) { transaction in
            try transaction.execute("""
                INSERT INTO area_statuses (kommun, area, status, body, date, reason, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, [.text(kommun), .text(assessment.area), .text(assessment.status.rawValue), .text(assessment.body),
                      .text(assessment.date.description), .text(assessment.reason.trimmingSpaces), .text(Timestamp.text(now))])
        }
    }

    public func areaStatusAssessments(kommun: String, through day: CalendarDate?) throws -> [AreaStatusAssessment] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query("""
                SELECT area, status, body, date, reason FROM area_statuses WHERE kommun = $1 AND date <= $2 COLLATE "C"
                ORDER BY date COLLATE "C", id
                """, [.text(kommun), .text(day?.description ?? "9999-12-31")]).compactMap { row in
                guard let status = Lagesbild.Status(rawValue: try row.text("status")),
                      let date = CalendarDate(iso: try row.text("date")) else { return nil }
                return AreaStatusAssessment(area: try row.text("area"), status: status, body: try row.text("body"), date: date,
                                            reason: try row.text("reason"))
            }
        }
    }
}
