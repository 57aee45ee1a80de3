import Foundation
import GRDB
import GRDBSQLite

extension ReportStore {
    /// Stores one delivery in one transaction (`ReportIntake`).
    public func ingest(_ delivery: ReportDelivery, now: Date, beforeCommit: (IngestOutcome) throws -> Void) throws -> IngestOutcome {
        var outcome = IngestOutcome(file: delivery.file)
        try queue.inTransaction(.immediate) { db in
            outcome = try Self.write(delivery, at: Timestamp.text(now), db)
            guard outcome.committed else { return .rollback }
            try beforeCommit(outcome)
            return .commit
        }
        return outcome
    }

    /// Group commit: stores several deliveries in one transaction, each all or nothing in a savepoint of its
    /// own (a refused delivery leaves no trace, the others are stored), with one durable commit for them all.
    /// The web application's submissions arrive many at a time, and each waiting for a commit (an fsync) of
    /// its own would cap them at a few hundred a second. The outcomes come back in the deliveries' order; a
    /// delivery that could not be read gets its error.
    public func ingest(batch: [ReportDelivery], now: Date) throws -> [Result<IngestOutcome, any Error>] {
        let timestamp = Timestamp.text(now)
        var results: [Result<IngestOutcome, any Error>] = []
        try queue.inTransaction(.immediate) { db in
            for delivery in batch {
                var outcome = IngestOutcome(file: delivery.file)
                do {
                    try db.inSavepoint {
                        outcome = try Self.write(delivery, at: timestamp, db)
                        guard outcome.committed else { return .rollback }
                        if let event = delivery.audit(outcome) { try Self.insert(event, db) }
                        return .commit
                    }
                    results.append(.success(outcome))
                } catch let error as DatabaseError {
                    throw error
                } catch {
                    results.append(.failure(error))
                }
            }
            return .commit
        }
        return results
    }

    /// Writes one delivery inside the caller's transaction; `committed` tells whether it should be kept (the
    /// caller rolls back otherwise).
    private static func write(_ delivery: ReportDelivery, at timestamp: String, _ db: Database) throws -> IngestOutcome {
        var outcome = IngestOutcome(file: delivery.file)
        let kommun = delivery.kommun
        let version = delivery.checklist.version
        if let problem = try recordChecklist(delivery.checklist, kommun: kommun, at: timestamp, db) {
            outcome.fileProblem = problem
            return outcome
        }
        try db.execute(sql: "INSERT INTO ingests (kommun, source_file, started_at, checklist_version) VALUES (?, ?, ?, ?)",
                       arguments: [kommun, delivery.file, timestamp, version])
        let ingestID = db.lastInsertedRowID
        let writer = try RowWriter(db: db, kommun: kommun, version: version, ingestID: ingestID,
                                   file: delivery.file, timestamp: timestamp, adds: delivery.addsToStored)
        var covered = Set<CoveredDay>()
        while let report = try delivery.next() {
            if report.ref == nil, !writer.adds { covered.insert(CoveredDay(report)) }
            switch try writer.store(report) {
            case .new: outcome.new += 1
            case .revised: outcome.revised += 1
            case .unchanged: outcome.unchanged += 1
            case .repeatedID: delivery.refuseRepeatedID(report)
            }
        }
        outcome.refused = delivery.refused
        outcome.withdrawn = try withdrawReplaced(covered, kommun: kommun, ingestID: ingestID, db)
        guard outcome.isKept(under: delivery.options) else { return outcome }
        try db.execute(sql: """
            UPDATE ingests SET rows_new = ?, rows_revised = ?, rows_unchanged = ?, rows_refused = ?, rows_withdrawn = ? WHERE id = ?
            """, arguments: [outcome.new, outcome.revised, outcome.unchanged, outcome.refused.count, outcome.withdrawn, ingestID])
        outcome.committed = true
        return outcome
    }

    /// A reporter's day (or week, for a week-dated answer) that a delivery has rows without an id for.
    private struct CoveredDay: Hashable {
        var reporter: String
        var date: CalendarDate
        var precision: Report.Precision

        init(_ report: Report) {
            (reporter, date, precision) = (report.reporter, report.date, report.precision)
        }
    }

    /// Without ids, a delivery is its reporter's whole account of each day it has id-less rows for: the
    /// reporter's id-less rows of those days that this ingest did not deliver again are withdrawn (kept, marked
    /// with this ingest). Returns how many. Rows with an id are corrected by their id instead, never here.
    ///
    /// One UPDATE per day, for all the reporters covering it, so each covered day's rows are read once (one
    /// UPDATE per reporter and day read them once per reporter; measured in docs/benchmarks.md).
    private static func withdrawReplaced(_ covered: Set<CoveredDay>, kommun: String, ingestID: Int64, _ db: Database) throws -> Int {
        guard !covered.isEmpty else { return 0 }
        let withdraw = try db.makeStatement(sql: """
            UPDATE reports SET withdrawn_in = ?1
            WHERE kommun = ?2 AND date = ?3 AND precision = ?4 AND reporter IN (SELECT value FROM json_each(?5))
                AND ref LIKE '#%' AND seen_in <> ?1 AND withdrawn_in IS NULL
            """)
        let days = Dictionary(grouping: covered) { DayKey(date: $0.date, precision: $0.precision) }
        var withdrawn = 0
        for (day, reporters) in days {
            let list = String(decoding: try JSONEncoder().encode(reporters.map(\.reporter)), as: UTF8.self)
            try withdraw.execute(arguments: [ingestID, kommun, day.date.description, day.precision.rawValue, list])
            withdrawn += db.changesCount
        }
        return withdrawn
    }

    /// A day (or week) some reporters' id-less rows are dated.
    private struct DayKey: Hashable {
        var date: CalendarDate
        var precision: Report.Precision
    }

    /// Stores the checklist the rows are checked against under its version, so old reports stay readable
    /// after the kommun changes its checklist. A version already stored with other content is a problem.
    private static func recordChecklist(_ checklist: Checklist, kommun: String, at timestamp: String, _ db: Database) throws -> String? {
        let definition = ChecklistSnapshot(checklist).json
        if let stored = try String.fetchOne(db, sql: "SELECT definition FROM checklists WHERE kommun = ? AND version = ?",
                                            arguments: [kommun, checklist.version]) {
            guard stored == definition else {
                return ChecklistSnapshot.versionConflict(checklist, kommun: kommun)
            }
            return nil
        }
        try db.execute(sql: "INSERT INTO checklists (kommun, version, definition, stored_at) VALUES (?, ?, ?, ?)",
                       arguments: [kommun, checklist.version, definition, timestamp])
        return nil
    }
}

/// Writes checked reports with prepared statements, telling new rows from repeated and corrected ones.
private struct RowWriter {
    enum Result {
        case new, revised, unchanged, repeatedID
    }

    let db: Database
    let kommun: String
    let version: String
    let ingestID: Int64
    let file: String
    let timestamp: String
    /// The file's id-less rows add to the stored ones (a refused-rows file): one equal to a row another file
    /// stored is another occurrence, not that row again.
    let adds: Bool
    let insert: Statement
    let lookup: Statement
    let touch: Statement
    let revise: Statement
    /// Where the texts of the row being inserted are kept while SQLite reads them.
    let rowTexts = RowTexts()

    init(db: Database, kommun: String, version: String, ingestID: Int64, file: String, timestamp: String, adds: Bool) throws {
        (self.db, self.kommun, self.version, self.ingestID, self.file, self.timestamp) = (db, kommun, version, ingestID, file, timestamp)
        self.adds = adds
        insert = try db.makeStatement(sql: """
            INSERT INTO reports (kommun, reporter, ref, date, precision, time, area, indicator, value, place, lat, lon,
                note, content_hash, checklist_version, ingest_id, source_file, source_line, ingested_at, seen_in,
                source, period, period_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kommun, reporter, ref) DO NOTHING
            """)
        // The values that are the same for the whole file are bound once, here; `bindRow` binds the others.
        // (The nils are placeholders: every row binds its own values before the statement runs.)
        try insert.setArguments([
            kommun, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,
            version, ingestID, file, nil, timestamp, ingestID, nil, nil, nil,
        ])
        lookup = try db.makeStatement(sql: "SELECT id, content_hash, seen_in, source_file FROM reports WHERE kommun = ? AND reporter = ? AND ref = ?")
        // An unchanged row takes its reporter's source as the kommun file now declares it.
        // A row withdrawn by an earlier delivery (or on its own, `withdraw`) and delivered again, as it was or
        // corrected, is current again.
        touch = try db.makeStatement(sql: "UPDATE reports SET seen_in = ?, source = ?, withdrawn_in = NULL WHERE id = ?")
        revise = try db.makeStatement(sql: """
            UPDATE reports SET date = ?, precision = ?, time = ?, area = ?, indicator = ?, value = ?, place = ?, lat = ?,
                lon = ?, note = ?, content_hash = ?, checklist_version = ?, ingest_id = ?, source_file = ?,
                source_line = ?, ingested_at = ?, seen_in = ?, source = ?, period = ?, period_end = ?, withdrawn_in = NULL
            WHERE id = ?
            """)
    }

    /// Stores one report. A row without an `id` is keyed by its content and its occurrence in the file, so
    /// two identical events in one file are two reports, and the same file ingested again adds nothing.
    func store(_ report: Report) throws -> Result {
        let hash = report.contentHash
        var occurrence = 1
        while true {
            let ref = report.storedRef(hash: hash, occurrence: occurrence)
            try bindRow(report, ref: ref, hash: hash)
            try insert.execute()
            if db.changesCount == 1 { return .new }
            guard let row = try Row.fetchOne(lookup, arguments: [kommun, report.reporter, ref]) else { return .unchanged }
            let (id, storedHash, seenIn): (Int64, Int64, Int64) = (row[0], row[1], row[2])
            if seenIn == ingestID {
                // Already written by this very file.
                if report.ref != nil { return .repeatedID }
                occurrence += 1
                continue
            }
            if adds, report.ref == nil, row[3] as String != file {
                occurrence += 1
                continue
            }
            if storedHash == hash {
                try touch.execute(arguments: [ingestID, report.storedSource, id])
                return .unchanged
            }
            try revise.execute(arguments: [
                report.date.description, report.precision.rawValue, report.time?.description, report.area, report.indicator,
                report.value, report.place, report.lat, report.lon, report.note, hash, version, ingestID, file,
                report.line, timestamp, ingestID, report.storedSource, report.period?.description,
                report.period?.end.description, id,
            ])
            return .revised
        }
    }

    /// Binds one report's values to `insert`, straight through SQLite's C API on GRDB's own statement.
    ///
    /// Why not GRDB's `insert.setUncheckedArguments([...])`, as before: that packs all 20 values into
    /// `StatementArguments` (each boxed as a `DatabaseValue`), clears every binding and binds all 20 again, each
    /// text measured with `strlen` and copied by SQLite into memory it allocates (and frees) for that value. In
    /// the profile of the ingest benchmark that cost 25 % of the whole run, almost as much as SQLite's INSERT
    /// itself (docs/benchmarks.md). Here only the 17 values that change from row to row are bound (`init`
    /// binds the other six once, through GRDB), texts from `rowTexts` without a copy by SQLite, and nothing is
    /// cleared. `insert.execute()` then runs the statement through GRDB as any other: with no arguments given,
    /// GRDB only resets it, which keeps these bindings, and handles errors and transaction state as usual.
    /// (A failing INSERT's GRDB error shows the placeholder arguments of `init`, not this row's; it names the row
    /// neither way, as statement arguments are hidden from error messages by default.)
    private func bindRow(_ report: Report, ref: String, hash: Int64) throws {
        let statement = insert.sqliteStatement
        // A statement must be reset before it is bound again. Its result is the previous run's, which
        // `execute()` has already reported. From here on SQLite reads none of the previous row's texts.
        sqlite3_reset(statement)
        rowTexts.removeAll()
        var code = SQLITE_OK
        func check(_ result: CInt) {
            if code == SQLITE_OK { code = result }
        }
        func bindText(_ text: String?, at index: CInt) {
            guard let text else { return check(sqlite3_bind_null(statement, index)) }
            let (bytes, count) = rowTexts.append(text)
            check(sqlite3_bind_text(statement, index, bytes, count, sqliteStatic))
        }
        /// A date or time is written straight into `rowTexts`, without making a String of it first.
        func bindText(writing write: (inout ShortText) -> Void, at index: CInt) {
            let (bytes, count) = ShortText.withBytes(write) { rowTexts.append($0) }
            check(sqlite3_bind_text(statement, index, bytes, count, sqliteStatic))
        }
        func bindDouble(_ value: Double?, at index: CInt) {
            guard let value else { return check(sqlite3_bind_null(statement, index)) }
            check(sqlite3_bind_double(statement, index, value))
        }
        bindText(report.reporter, at: 2)
        bindText(ref, at: 3)
        bindText(writing: { report.date.write(to: &$0) }, at: 4)
        bindText(report.precision.rawValue, at: 5)
        if let time = report.time { bindText(writing: { time.write(to: &$0) }, at: 6) } else { bindText(nil, at: 6) }
        bindText(report.area, at: 7)
        bindText(report.indicator, at: 8)
        check(sqlite3_bind_int64(statement, 9, Int64(report.value)))
        bindText(report.place, at: 10)
        bindDouble(report.lat, at: 11)
        bindDouble(report.lon, at: 12)
        bindText(report.note, at: 13)
        check(sqlite3_bind_int64(statement, 14, hash))
        check(sqlite3_bind_int64(statement, 18, Int64(report.line)))
        bindText(report.storedSource, at: 21)
        if let period = report.period {
            bindText(period.description, at: 22)
            bindText(writing: { period.end.write(to: &$0) }, at: 23)
        } else {
            bindText(nil, at: 22)
            bindText(nil, at: 23)
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: insert.sql)
        }
    }
}

/// Tells SQLite to read a bound text where it is, without copying it: the memory must stay as it is until the
/// statement has run and the value is bound anew.
private let sqliteStatic = unsafeBitCast(OpaquePointer(bitPattern: 0), to: sqlite3_destructor_type.self)

/// The texts of the row being inserted, in memory that stays put until the next row: what SQLite reads texts
/// bound with `SQLITE_STATIC` from.
///
/// Why: a text bound with `SQLITE_TRANSIENT` is copied by SQLite into memory it allocates for that one value and
/// frees when the value is bound again, so up to 9 malloc/free pairs (with SQLite's allocation mutex) per row, about
/// 5 % of the ingest (perf, 250k rows). A Swift String only promises its bytes inside `withUTF8`, so they can
/// not be bound in place; here they are copied once into memory this writer owns. A full block is set aside,
/// not reused or freed, until `removeAll`, so every text of a row stays where it was bound.
private final class RowTexts {
    private var block: UnsafeMutableBufferPointer<CChar>
    private var used = 0
    /// Full blocks still read by the current row's bindings.
    private var retired: [UnsafeMutableBufferPointer<CChar>] = []

    init(capacity: Int = 4096) {
        block = .allocate(capacity: capacity)
    }

    deinit {
        block.deallocate()
        for block in retired { block.deallocate() }
    }

    /// Forgets the texts of the previous row; only when no bound value points at them any more.
    func removeAll() {
        used = 0
        for block in retired { block.deallocate() }
        retired.removeAll(keepingCapacity: true)
    }

    /// Copies the UTF-8 of `text` in: its address (never NULL, which SQLite would take for NULL) and length,
    /// valid until `removeAll`.
    func append(_ text: String) -> (UnsafePointer<CChar>, CInt) {
        var text = text
        return text.withUTF8 { append($0) }
    }

    /// Copies `bytes` in, as `append(_: String)` does.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> (UnsafePointer<CChar>, CInt) {
        if used + bytes.count > block.count {
            retired.append(block)
            block = .allocate(capacity: max(2 * block.count, bytes.count + 1))
            used = 0
        }
        let start = block.baseAddress! + used
        if let source = bytes.baseAddress { UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count) }
        used += bytes.count
        return (UnsafePointer(start), CInt(bytes.count))
    }
}
