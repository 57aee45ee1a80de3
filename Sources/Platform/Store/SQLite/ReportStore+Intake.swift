import Foundation
import GRDB

extension ReportStore {
    /// The current rows `reporter` stored in `kommun` dated from `from` to `to` (for "your reports this period",
    /// with correction and withdrawal), newest first. Rows delivered without an id have no `ref`.
    public func reports(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [StoredReport] {
        try rows("""
            SELECT ref, date, time, area, indicator, value, place, note, ingested_at FROM reports
            WHERE kommun = ? AND date BETWEEN ? AND ? AND reporter = ? AND withdrawn_in IS NULL
            ORDER BY date DESC, time DESC, id DESC
            """, [kommun, from.description, to.description, reporter]) { row in
            guard let date = CalendarDate(iso: row[1] as String) else { return nil }
            return StoredReport(ref: Report.id(storedRef: row[0]), date: date, time: row[2], area: row[3], indicator: row[4],
                                value: row[5], place: row[6], note: row[7], ingestedAt: row[8])
        }
    }

    /// Withdraws the current report of `reporter` with id `ref`: recorded as a delivery named `source`
    /// ("webbformulär") that withdrew one row, whose `withdrawn_in` then names it. The row is never deleted: it
    /// stays with what it said, and no query counts it any more; delivering it again makes it current again.
    /// Throws a `Diagnostic` when there is no such current report (the message does not repeat the id).
    public func withdraw(kommun: String, reporter: String, ref: String, source: String, now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT id, checklist_version FROM reports
                WHERE kommun = ? AND reporter = ? AND ref = ? AND withdrawn_in IS NULL AND ref NOT LIKE '#%'
                """, arguments: [kommun, reporter, ref])
            guard let row else {
                throw Diagnostic.noCurrentReport(kommun: kommun, reporter: reporter, source: source)
            }
            try db.execute(sql: """
                INSERT INTO ingests (kommun, source_file, started_at, checklist_version, rows_withdrawn) VALUES (?, ?, ?, ?, 1)
                """, arguments: [kommun, source, Timestamp.text(now), row[1] as String])
            try db.execute(sql: "UPDATE reports SET withdrawn_in = ? WHERE id = ?", arguments: [db.lastInsertedRowID, row[0] as Int64])
            return .commit
        }
    }

    /// "Inget att rapportera": `reporter` saw nothing to report in `period`. It counts as reported in
    /// completeness for every period it overlaps (`reporterActivity`), on time by when it was first recorded;
    /// recording it again changes nothing.
    public func recordNothingToReport(kommun: String, reporter: String, period: Period, source: String, now: Date) throws {
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO nothing_to_report (kommun, reporter, period, start_date, end_date, source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kommun, reporter, period) DO NOTHING
                """, arguments: [kommun, reporter, period.description, period.start.description, period.end.description,
                                 source, Timestamp.text(now)])
        }
    }

    /// The periods `reporter` recorded nothing to report for in `kommun` that overlap `from` to `to`, in order.
    public func nothingToReport(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [Period] {
        try rows("""
            SELECT period FROM nothing_to_report WHERE kommun = ? AND reporter = ? AND start_date <= ? AND end_date >= ?
            ORDER BY start_date, period
            """, [kommun, reporter, to.description, from.description]) { Period($0[0] as String) }
    }
}
