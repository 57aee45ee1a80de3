import Foundation
import Platform

/// What a reporter sees and changes of its own reports, and the counts and history of a kommun's reports
/// (`ReportIntake`), as `ReportStore+Intake.swift` and `+Queries.swift` do on SQLite.
extension PostgresStore {
    /// The current rows `reporter` stored in `kommun` dated from `from` to `to`, newest first (a row without a time
    /// after the ones with one, as on SQLite); rows delivered without an id have no `ref`.
    public func reports(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [StoredReport] {
        try rows(kommun: kommun, """
            SELECT ref, date, time, area, indicator, value, place, note, ingested_at FROM reports
            WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND reporter = $4 AND withdrawn_in IS NULL
            ORDER BY date COLLATE "C" DESC, time COLLATE "C" DESC NULLS LAST, id DESC
            """, [.text(kommun), .text(from.description), .text(to.description), .text(reporter)]) { row in
            guard let date = CalendarDate(iso: try row.text("date")) else { return nil }
            return StoredReport(ref: Report.id(storedRef: try row.text("ref")), date: date, time: try row.optionalText("time"),
                                area: try row.text("area"), indicator: try row.text("indicator"), value: try row.int("value"),
                                place: try row.optionalText("place"), note: try row.optionalText("note"),
                                ingestedAt: try row.text("ingested_at"))
        }
    }

    /// Withdraws the current report of `reporter` with id `ref`, recorded as a delivery named `source` that
    /// withdrew one row; the row is never deleted. Throws a `Diagnostic` when there is no such current report (the
    /// message does not repeat the id).
    public func withdraw(kommun: String, reporter: String, ref: String, source: String, now: Date) throws {
        try bridge.transaction(kommun: kommun) { transaction in
            try Self.lockReports(of: [kommun], transaction)
            let row = try transaction.queryFirst("""
                SELECT id, checklist_version FROM reports
                WHERE kommun = $1 AND reporter = $2 AND ref = $3 AND withdrawn_in IS NULL AND ref NOT LIKE '#%'
                """, [.text(kommun), .text(reporter), .text(ref)])
            guard let row else {
                throw Diagnostic.noCurrentReport(kommun: kommun, reporter: reporter, source: source)
            }
            let ingest = try transaction.queryFirst("""
                INSERT INTO ingests (kommun, source_file, started_at, checklist_version, rows_withdrawn) VALUES ($1, $2, $3, $4, 1)
                RETURNING id
                """, [.text(kommun), .text(source), .text(Timestamp.text(now)), .text(try row.text("checklist_version"))])
            try transaction.execute("UPDATE reports SET withdrawn_in = $1 WHERE id = $2",
                                    [.int(try ingest!.int64("id")), .int(try row.int64("id"))])
        }
    }

    /// "Inget att rapportera" for `period`; recording it again changes nothing.
    public func recordNothingToReport(kommun: String, reporter: String, period: Period, source: String, now: Date) throws {
        try bridge.transaction(kommun: kommun) { transaction in
            try transaction.execute("""
                INSERT INTO nothing_to_report (kommun, reporter, period, start_date, end_date, source, recorded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kommun, reporter, period) DO NOTHING
                """, [.text(kommun), .text(reporter), .text(period.description), .text(period.start.description),
                      .text(period.end.description), .text(source), .text(Timestamp.text(now))])
        }
    }

    /// The periods `reporter` recorded nothing to report for in `kommun` that overlap `from` to `to`, in order.
    public func nothingToReport(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [Period] {
        try rows(kommun: kommun, """
            SELECT period FROM nothing_to_report WHERE kommun = $1 AND reporter = $2 AND start_date <= $3 AND end_date >= $4
            ORDER BY start_date COLLATE "C", period COLLATE "C"
            """, [.text(kommun), .text(reporter), .text(to.description), .text(from.description)]) { Period(try $0.text("period")) }
    }

    /// Current rows stored for `kommun`, and earlier revisions kept: corrected rows' and withdrawn ones.
    public func counts(kommun: String) throws -> (reports: Int, revisions: Int) {
        let row = try rows(kommun: kommun, """
            SELECT count(*) - count(withdrawn_in) AS current, count(withdrawn_in) AS withdrawn,
                (SELECT count(*) FROM report_revisions WHERE kommun = $1) AS revisions
            FROM reports WHERE kommun = $1
            """, [.text(kommun)]) { row in
            (try row.int("current"), try row.int("withdrawn") + row.int("revisions"))
        }
        return row.first ?? (0, 0)
    }

    /// The stored report of `reporter` with reference `ref` and its earlier revisions' values, oldest first (in the
    /// order of the ingests that stored them, as they replaced one another).
    public func history(kommun: String, reporter: String, ref: String) throws -> (current: Int?, earlier: [Int]) {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            guard let current = try transaction.queryFirst("SELECT id, value FROM reports WHERE kommun = $1 AND reporter = $2 AND ref = $3",
                                                           [.text(kommun), .text(reporter), .text(ref)]) else { return (nil, []) }
            let earlier = try transaction.query("SELECT value FROM report_revisions WHERE report_id = $1 ORDER BY ingest_id",
                                                [.int(try current.int64("id"))]).map { try $0.int("value") }
            return (try current.int("value"), earlier)
        }
    }
}
