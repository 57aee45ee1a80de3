import Foundation
import Platform

/// A delivery's checked reports, read once before its transaction (the validator runs once, however often the
/// transaction is run), each with its content hash and the key it is stored under (`Report.storedRef`).
///
/// The keys are SQLite's (`RowWriter.store` in `ReportStore+Ingest.swift`): a row with an id repeating one of
/// this delivery is refused (`refuseRepeatedID`, right after `next()` returned it); a row without one takes the
/// first occurrence `#<hash>-<n>` not taken earlier in the delivery. A refused-rows file (`addsToStored`) also
/// passes over the occurrences other files stored, which only its transaction can read (`keys(_:)`).
struct PulledDelivery {
    /// One checked report.
    struct Row {
        var report: Report
        var hash: Int64
    }

    /// A key of a reporter's row.
    private struct Key: Hashable {
        var reporter: String
        var ref: String
    }

    let delivery: ReportDelivery
    private(set) var rows: [Row] = []
    /// What reading the rows threw; the transaction throws it once it has checked the checklist, as SQLite does.
    private(set) var readError: (any Error)?
    /// The rows refused, by the validator or as repeated ids.
    private(set) var refused: [(problems: RowProblems, raw: RawReport)] = []
    /// Whether any row has no id (such a delivery replaces its reporters' id-less rows of the days it covers).
    private(set) var hasRowsWithoutID = false
    /// Each row's key, as any delivery but a refused-rows file stores it.
    private var refs: [String] = []
    /// The ids (with their reporters) of the rows with one.
    private var ids = Set<Key>()

    /// Reads every valid report of `delivery`.
    init(_ delivery: ReportDelivery) {
        self.delivery = delivery
        var taken = Set<Key>()
        var last: [Key: Int] = [:]
        do {
            while let report = try delivery.next() {
                let hash = report.contentHash
                if let id = report.ref {
                    guard taken.insert(Key(reporter: report.reporter, ref: id)).inserted else {
                        delivery.refuseRepeatedID(report)
                        continue
                    }
                    ids.insert(Key(reporter: report.reporter, ref: id))
                    refs.append(id)
                } else {
                    refs.append(Self.nextRef(report, hash: hash, last: &last) { taken.insert($0).inserted })
                    hasRowsWithoutID = true
                }
                rows.append(Row(report: report, hash: hash))
            }
        } catch {
            readError = error
        }
        refused = delivery.refused
    }

    /// The key of `report`, which has no id: the first occurrence that `take` takes (true), counting on from the
    /// last one taken for its reporter and hash (every one below that is taken already).
    private static func nextRef(_ report: Report, hash: Int64, last: inout [Key: Int], take: (Key) -> Bool) -> String {
        let group = Key(reporter: report.reporter, ref: Report.refPrefix(hash: hash))
        var occurrence = last[group, default: 0]
        var ref: String
        repeat {
            occurrence += 1
            ref = report.storedRef(hash: hash, occurrence: occurrence)
        } while !take(Key(reporter: report.reporter, ref: ref))
        last[group] = occurrence
        return ref
    }

    /// Each row's key. In a refused-rows file a row without an id also passes over the occurrences stored by
    /// other files (one equal to such a row is another occurrence, not that row again), read in `transaction`.
    func keys(_ transaction: PostgresTransaction) throws -> [String] {
        guard delivery.addsToStored, hasRowsWithoutID else { return refs }
        let elsewhere = try storedElsewhere(transaction)
        var taken = ids
        var last: [Key: Int] = [:]
        return zip(rows, refs).map { row, ref in
            guard row.report.ref == nil else { return ref }
            return Self.nextRef(row.report, hash: row.hash, last: &last) { !elsewhere.contains($0) && taken.insert($0).inserted }
        }
    }

    /// The keys of the stored rows without an id, of files other than this one, that the rows without an id
    /// could be taken for (those whose keys begin as theirs do).
    private func storedElsewhere(_ transaction: PostgresTransaction) throws -> Set<Key> {
        var prefixes = Set<Key>()
        for row in rows where row.report.ref == nil {
            prefixes.insert(Key(reporter: row.report.reporter, ref: Report.refPrefix(hash: row.hash)))
        }
        let list = String(decoding: try JSONEncoder().encode(prefixes.map { ["reporter": $0.reporter, "prefix": $0.ref] }), as: UTF8.self)
        let stored = try transaction.query("""
            SELECT r.reporter, r.ref FROM json_to_recordset($3::json) AS c(reporter text, prefix text)
            JOIN reports r ON r.kommun = $1 AND r.reporter = c.reporter AND starts_with(r.ref, c.prefix)
            WHERE r.source_file <> $2
            """, [.text(delivery.kommun), .text(delivery.file), .text(list)])
        return Set(try stored.map { Key(reporter: try $0.text("reporter"), ref: try $0.text("ref")) })
    }

    /// Copies the rows, under `keys`, into the temporary table `ingest_rows` (made on the connection's first
    /// ingest, emptied at every commit), numbered in the delivery's order.
    func stage(_ keys: [String], _ transaction: PostgresTransaction) throws {
        try transaction.execute("""
            CREATE TEMPORARY TABLE IF NOT EXISTS ingest_rows (
                seq bigint NOT NULL, reporter text NOT NULL, ref text NOT NULL, idless boolean NOT NULL, date text NOT NULL,
                precision text NOT NULL, time text, area text NOT NULL, indicator text NOT NULL, value bigint NOT NULL,
                place text, lat double precision, lon double precision, note text, content_hash bigint NOT NULL,
                source_line bigint NOT NULL, source text, period text, period_end text
            ) ON COMMIT DELETE ROWS
            """)
        // The rows of the delivery before this one in the same batch.
        try transaction.execute("DELETE FROM ingest_rows")
        try transaction.copy(into: "ingest_rows", columns: Self.stagedColumns, rows: zip(rows, keys).enumerated().lazy.map { seq, item in
            let (row, key) = item
            let report = row.report
            return [
                .int(Int64(seq)), .text(report.reporter), .text(key), .bool(report.ref == nil), .text(report.date.description),
                .text(report.precision.rawValue), PostgresValue(report.time?.description), .text(report.area), .text(report.indicator),
                .int(Int64(report.value)), PostgresValue(report.place), PostgresValue(report.lat), PostgresValue(report.lon),
                PostgresValue(report.note), .int(row.hash), .int(Int64(report.line)), PostgresValue(report.storedSource),
                PostgresValue(report.period?.description), PostgresValue(report.period?.end.description),
            ]
        })
    }

    /// The columns of `ingest_rows`, in the order `stage` writes them.
    private static let stagedColumns = [
        "seq", "reporter", "ref", "idless", "date", "precision", "time", "area", "indicator", "value", "place", "lat", "lon", "note",
        "content_hash", "source_line", "source", "period", "period_end",
    ]
}
