import Foundation
import Platform

/// What a lägesbild reads (`LagesbildReading`), as `ReportStore+Lagesbild.swift` and `+Queries.swift` read it on
/// SQLite: the same rows in the same order. Texts are ordered `COLLATE "C"` (by byte, as SQLite compares) and
/// NULLs as SQLite places them (first in ascending order), whatever the database's own collation.
extension PostgresStore {
    /// Per area, indicator and day: the sum and the highest value of the observations, from `from` to `to`; by
    /// area, indicator and day (SQLite's GROUP BY order).
    public func dailyCells(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [DailyCell] {
        try rows(kommun: kommun, """
            SELECT area, indicator, date, sum(value)::bigint AS sum, max(value) AS max, count(*) AS rows FROM reports
            WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND source IS NULL AND withdrawn_in IS NULL
            GROUP BY area, indicator, date
            ORDER BY area COLLATE "C", indicator COLLATE "C", date COLLATE "C"
            """, [.text(kommun), .text(from.description), .text(to.description)]) { row in
            guard let date = CalendarDate(iso: try row.text("date")) else { return nil }
            return DailyCell(area: try row.text("area"), indicator: try row.text("indicator"), date: date, sum: try row.int("sum"),
                             max: try row.int("max"), rows: try row.int("rows"))
        }
    }

    /// Every observation's value from `from` to `to`, not grouped, by day and then in the order stored (the order
    /// SQLite reads them by its date index).
    public func values(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReportValue] {
        try rows(kommun: kommun, """
            SELECT area, indicator, date, value FROM reports
            WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND source IS NULL AND withdrawn_in IS NULL
            ORDER BY date COLLATE "C", id
            """, [.text(kommun), .text(from.description), .text(to.description)]) { row in
            guard let date = CalendarDate(iso: try row.text("date")) else { return nil }
            return ReportValue(area: try row.text("area"), indicator: try row.text("indicator"), date: date, value: try row.int("value"))
        }
    }

    /// The rows of `source` (not observations) dated from `from` to `to`, in date order, then in the order stored.
    public func sourceRows(kommun: String, source: Reporter.Source, from: CalendarDate, to: CalendarDate) throws -> [SourceRow] {
        try rows(kommun: kommun, """
            SELECT reporter, area, indicator, value, date, precision, period, period_end FROM reports
            WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND source = $4 AND withdrawn_in IS NULL
            ORDER BY date COLLATE "C", id
            """, [.text(kommun), .text(from.description), .text(to.description), .text(source.rawValue)]) { row in
            SourceRow(reporter: try row.text("reporter"), area: try row.text("area"), indicator: try row.text("indicator"),
                      value: try row.int("value"), storedDate: try row.text("date"), precision: try row.text("precision"),
                      period: try row.optionalText("period"), periodEnd: try row.optionalText("period_end"))
        }
    }

    /// Rows per reporter from `from` to `to`, and when the first and last of them were ingested; a reporter that
    /// recorded nothing to report for a period overlapping the span is there too. By reporter.
    public func reporterActivity(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReporterActivity] {
        try rows(kommun: kommun, """
            SELECT reporter, sum(row_count)::bigint AS rows, min(first_at COLLATE "C") AS first_at, max(last_at COLLATE "C") AS last_at,
                bool_or(said_nothing) AS said_nothing
            FROM (
                SELECT reporter, count(*) AS row_count, min(ingested_at COLLATE "C") AS first_at, max(ingested_at COLLATE "C") AS last_at,
                    false AS said_nothing
                FROM reports WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND withdrawn_in IS NULL GROUP BY reporter
                UNION ALL
                SELECT reporter, 0, min(recorded_at COLLATE "C"), max(recorded_at COLLATE "C"), true FROM nothing_to_report
                WHERE kommun = $1 AND start_date <= $3 AND end_date >= $2 GROUP BY reporter
            ) AS activity
            GROUP BY reporter ORDER BY reporter COLLATE "C"
            """, [.text(kommun), .text(from.description), .text(to.description)]) { row in
            ReporterActivity(reporter: try row.text("reporter"), rows: try row.int("rows"), firstIngestedAt: try row.text("first_at"),
                             lastIngestedAt: try row.text("last_at"), nothingToReport: try row.bool("said_nothing"))
        }
    }

    /// Rows with a note or a place text, from `from` to `to`: observations and public reports; by date, time (a
    /// row without one first) and then in the order stored.
    public func notes(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [NoteRow] {
        try rows(kommun: kommun, """
            SELECT date, time, reporter, area, indicator, place, note FROM reports
            WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND (note IS NOT NULL OR place IS NOT NULL)
                AND source IS DISTINCT FROM 'statistics' AND withdrawn_in IS NULL
            ORDER BY date COLLATE "C", time COLLATE "C" NULLS FIRST, id
            """, [.text(kommun), .text(from.description), .text(to.description)]) { row in
            guard let date = CalendarDate(iso: try row.text("date")) else { return nil }
            return NoteRow(date: date, time: try row.optionalText("time"), reporter: try row.text("reporter"), area: try row.text("area"),
                           indicator: try row.text("indicator"), place: try row.optionalText("place"), note: try row.optionalText("note"))
        }
    }

    /// What is stored for `kommun` in `period`, per reporter, indicator and source (observations first): rows
    /// dated in it, and statistics whose own period lies within it.
    public func totals(kommun: String, period: Period) throws -> [ReporterIndicatorTotal] {
        try rows(kommun: kommun, """
            SELECT reporter, indicator, count(*) AS rows, sum(value)::bigint AS total, max(value) AS highest, source,
                string_agg(DISTINCT period, ',') AS periods
            FROM reports
            WHERE kommun = $1 AND date BETWEEN $2 AND $3 AND (period_end IS NULL OR period_end <= $3) AND withdrawn_in IS NULL
            GROUP BY reporter, indicator, source
            ORDER BY reporter COLLATE "C", indicator COLLATE "C", source COLLATE "C" NULLS FIRST
            """, [.text(kommun), .text(period.start.description), .text(period.end.description)]) { row in
            ReporterIndicatorTotal(reporter: try row.text("reporter"), indicator: try row.text("indicator"), rows: try row.int("rows"),
                                   total: try row.int("total"), highest: try row.int("highest"),
                                   source: try row.optionalText("source").flatMap(Reporter.Source.init(rawValue:)) ?? .observations,
                                   periods: (try row.optionalText("periods") ?? "").split(separator: ",").map(String.init).sorted())
        }
    }

    /// The rows `sql` returns in one read-only transaction of `kommun`, each made into a value by `transform`
    /// (nil leaves the row out).
    func rows<T>(kommun: String, _ sql: String, _ binds: [PostgresValue],
                 _ transform: (PostgresResultRow) throws -> T?) throws -> [T] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query(sql, binds).compactMap(transform)
        }
    }
}
