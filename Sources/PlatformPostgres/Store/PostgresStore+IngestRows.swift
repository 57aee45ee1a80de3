import Foundation
import Platform

/// A delivery's checked reports, each with its content hash and the key it is stored under (`Report.storedRef`).
///
/// A transaction may be run again after a serialization failure, but a delivery is read only once. So the rows
/// are read ahead, before the transaction, up to `readAhead` of them: a delivery no longer than that (every
/// form, API submission and weekly file) is held whole and can be written again. A longer one (a file of
/// years) is streamed: the rows read ahead are copied first, the rest are read and copied as they come, so its
/// reading and checking overlap PostgreSQL's work and memory stays flat. Such a delivery cannot be written
/// again; should its transaction fail in a way that asks for a retry, the ingest fails whole with a message
/// saying so (nothing of it is stored), which the per-kommun lock makes unlikely.
///
/// The keys are SQLite's (`RowWriter.store` in `ReportStore+Ingest.swift`): a row with an id repeating one of
/// this delivery is refused (`refuseRepeatedID`, right after `next()` returned it); a row without one takes the
/// first occurrence `#<hash>-<n>` not taken earlier in the delivery. A refused-rows file (`addsToStored`, always
/// read whole) also passes over the occurrences other files stored, which only its transaction can read
/// (`keys(_:)`).
final class PulledDelivery {
    /// One checked report, with its key as any delivery but a refused-rows file stores it.
    struct Row {
        var report: Report
        var hash: Int64
        var ref: String
    }

    /// A key of a reporter's row.
    private struct Key: Hashable {
        var reporter: String
        var ref: String
    }

    /// How many rows are read before the transaction begins (and held for a second attempt).
    static let readAhead = 20_000

    let delivery: ReportDelivery
    /// The rows read ahead: all of them when `isWhole`.
    private(set) var rows: [Row] = []
    /// The delivery was read to its end before the transaction (else the rest is read while copying).
    private(set) var isWhole = true
    /// What reading the rows ahead threw; the transaction throws it once it has checked the checklist, as SQLite
    /// does. (An error while streaming aborts the copy and is thrown from there.)
    private(set) var readError: (any Error)?
    /// Whether any row has no id (such a delivery replaces its reporters' id-less rows of the days it covers);
    /// of a streamed delivery, known once it is copied.
    private(set) var hasRowsWithoutID = false
    /// The rows refused so far, by the validator or as repeated ids.
    var refused: [(problems: RowProblems, raw: RawReport)] { delivery.refused }
    /// The rows beyond the read-ahead were read (and cannot be read again).
    private var streamed = false
    /// The keys taken so far, by reporter (a streamed million-row file keeps a million of them: the reporter's
    /// text once, not once per key), and per reporter and content hash the last occurrence taken.
    private var taken: [String: Set<String>] = [:]
    private var last: [Key: Int] = [:]

    /// Reads `delivery` ahead: whole if it has at most `readAhead` rows (a refused-rows file always).
    init(_ delivery: ReportDelivery, readAhead: Int = PulledDelivery.readAhead) {
        self.delivery = delivery
        let limit = delivery.addsToStored ? Int.max : readAhead
        do {
            while let row = try pull() {
                rows.append(row)
                if rows.count > limit {
                    isWhole = false
                    break
                }
            }
        } catch {
            readError = error
        }
    }

    /// The next valid report of the delivery with its key; a repeated id is refused and passed over.
    private func pull() throws -> Row? {
        while let report = try delivery.next() {
            let hash = report.contentHash
            if let id = report.ref {
                guard take(Key(reporter: report.reporter, ref: id)) else {
                    delivery.refuseRepeatedID(report)
                    continue
                }
                return Row(report: report, hash: hash, ref: id)
            }
            hasRowsWithoutID = true
            return Row(report: report, hash: hash, ref: Self.nextRef(report, hash: hash, last: &last) { take($0) })
        }
        return nil
    }

    /// Takes `key` for this delivery; false when it was taken before.
    private func take(_ key: Key) -> Bool {
        taken[key.reporter, default: []].insert(key.ref).inserted
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

    /// Each row's key (`nil`: the rows' own `ref`). In a refused-rows file a row without an id also passes over the
    /// occurrences stored by other files (one equal to such a row is another occurrence, not that row again),
    /// read in `transaction`.
    func keys(_ transaction: PostgresTransaction) throws -> [String]? {
        guard delivery.addsToStored, hasRowsWithoutID else { return nil }
        let elsewhere = try storedElsewhere(transaction)
        var taken = Set(rows.filter { $0.report.ref != nil }.map { Key(reporter: $0.report.reporter, ref: $0.ref) })
        var last: [Key: Int] = [:]
        return rows.map { row in
            guard row.report.ref == nil else { return row.ref }
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

    /// Copies the rows, under `keys` (`nil`: their own), into the temporary table `ingest_rows` (made on the
    /// connection's first ingest, emptied at every commit), numbered in the delivery's order; a streamed delivery's
    /// rows beyond the read-ahead are read as they are copied. Returns how many rows were copied.
    @discardableResult
    func stage(_ keys: [String]?, _ transaction: PostgresTransaction) throws -> Int {
        guard !streamed else {
            throw PostgresStoreError(message: "\(delivery.file): the ingest met a concurrent change it had to give way to (a "
                + "deadlock or serialization failure) after its rows had been read, and cannot read them again; nothing of "
                + "it was stored: ingest it again")
        }
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
        let copied = try transaction.copy(into: "ingest_rows", columns: Self.stagedColumns) { copy in
            for (seq, row) in rows.enumerated() { try Self.add(row, seq: seq, key: keys?[seq] ?? row.ref, to: &copy) }
            guard !isWhole else { return }
            streamed = true
            var seq = rows.count
            while let row = try pull() {
                try Self.add(row, seq: seq, key: row.ref, to: &copy)
                seq += 1
            }
        }
        // Autovacuum never analyzes a temporary table, and without statistics the planner takes it for 170 rows:
        // enough to prefer scanning all of a kommun's stored rows in a hash join (8,000 of them in the tests) to
        // looking up a one-row submission's key in the unique index. Analyzing one row takes 0.07 ms on the
        // server, a million a sample of 30,000.
        try transaction.execute("ANALYZE ingest_rows")
        return copied
    }

    /// Adds one row of `ingest_rows`, in `stagedColumns`' order.
    private static func add(_ row: Row, seq: Int, key: String, to copy: inout PostgresCopyRows) throws {
        let report = row.report
        for value: PostgresValue in [
            .int(Int64(seq)), .text(report.reporter), .text(key), .bool(report.ref == nil), .text(report.date.description),
            .text(report.precision.rawValue), PostgresValue(report.time?.description), .text(report.area), .text(report.indicator),
            .int(Int64(report.value)), PostgresValue(report.place), PostgresValue(report.lat), PostgresValue(report.lon),
            PostgresValue(report.note), .int(row.hash), .int(Int64(report.line)), PostgresValue(report.storedSource),
            PostgresValue(report.period?.description), PostgresValue(report.period?.end.description),
        ] {
            copy.add(value)
        }
        try copy.endRow()
    }

    /// The columns of `ingest_rows`, in the order `stage` writes them.
    private static let stagedColumns = [
        "seq", "reporter", "ref", "idless", "date", "precision", "time", "area", "indicator", "value", "place", "lat", "lon", "note",
        "content_hash", "source_line", "source", "period", "period_end",
    ]
}
