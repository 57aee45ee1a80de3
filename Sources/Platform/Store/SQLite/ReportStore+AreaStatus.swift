import Foundation
import GRDB

extension ReportStore {
    /// Adds a checked assessment to the area's history (`AreaStatusStore`).
    public func storeAreaStatus(_ assessment: AreaStatusAssessment, kommun: String, now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            try db.execute(sql: """
                INSERT INTO area_statuses (kommun, area, status, body, date, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [kommun, assessment.area, assessment.status.rawValue, assessment.body,
                                 assessment.date.description, assessment.reason.trimmingSpaces, Timestamp.text(now)])
            return .commit
        }
    }

    /// Every status set for the areas of `kommun` on or before `day` (all when nil), by date and then in the
    /// order they were set: the last one per area is its assessed status on `day`.
    public func areaStatusAssessments(kommun: String, through day: CalendarDate?) throws -> [AreaStatusAssessment] {
        try rows("""
            SELECT area, status, body, date, reason FROM area_statuses WHERE kommun = ? AND date <= ? ORDER BY date, id
            """, [kommun, day?.description ?? "9999-12-31"]) { row in
            guard let status = Lagesbild.Status(rawValue: row[1]), let date = CalendarDate(iso: row[3] as String) else { return nil }
            return AreaStatusAssessment(area: row[0], status: status, body: row[2], date: date, reason: row[4])
        }
    }
}
