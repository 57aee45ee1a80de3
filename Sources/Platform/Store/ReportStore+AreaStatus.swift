import Foundation
import GRDB

extension ReportStore {
    /// Why an area's status could not be set; lists every problem.
    public struct AreaStatusError: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    /// Checks `assessment` against `config` and adds it to the area's history; earlier ones are kept.
    public func setAreaStatus(_ assessment: AreaStatusAssessment, config: KommunConfig, now: Date = Date()) throws {
        let problems = assessment.problems(in: config)
        guard problems.isEmpty else { throw AreaStatusError(problems: problems) }
        try queue.inTransaction(.immediate) { db in
            try db.execute(sql: """
                INSERT INTO area_statuses (kommun, area, status, body, date, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [config.id, assessment.area, assessment.status.rawValue, assessment.body,
                                 assessment.date.description, assessment.reason.trimmingSpaces, Timestamp.text(now)])
            return .commit
        }
    }

    /// Every status set for the areas of `kommun` on or before `day` (all when nil), by date and then in the
    /// order they were set: the last one per area is its assessed status on `day`.
    public func areaStatusAssessments(kommun: String, through day: CalendarDate? = nil) throws -> [AreaStatusAssessment] {
        try rows("""
            SELECT area, status, body, date, reason FROM area_statuses WHERE kommun = ? AND date <= ? ORDER BY date, id
            """, [kommun, day?.description ?? "9999-12-31"]) { row in
            guard let status = Lagesbild.Status(rawValue: row[1]), let date = CalendarDate(iso: row[3] as String) else { return nil }
            return AreaStatusAssessment(area: row[0], status: status, body: row[2], date: date, reason: row[4])
        }
    }
}
