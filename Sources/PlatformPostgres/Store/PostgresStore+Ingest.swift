import Foundation
import Platform

/// Reports going in (`ReportIntake`), with exactly the semantics of `ReportStore+Ingest.swift` on SQLite: the
/// same keys, counts, revisions, withdrawals and all-or-nothing rule. How, differently: a delivery's reports are
/// read and checked once, before its transaction (`PulledDelivery`), since a transaction may be run again after a
/// serialization failure; in the transaction they are copied (COPY) into a temporary table, and moved into
/// `reports` by a few set-based statements instead of one statement per row.
extension PostgresStore {
    /// Stores one delivery in one transaction (`ReportIntake`).
    public func ingest(_ delivery: ReportDelivery, now: Date, beforeCommit: (IngestOutcome) throws -> Void) throws -> IngestOutcome {
        let pulled = PulledDelivery(delivery)
        let timestamp = Timestamp.text(now)
        do {
            return try bridge.transaction(kommun: delivery.kommun) { transaction in
                try Self.lockReports(of: [delivery.kommun], transaction)
                let outcome = try Self.write(pulled, at: timestamp, transaction)
                guard outcome.committed else { throw NotKept(outcome: outcome) }
                try beforeCommit(outcome)
                return outcome
            }
        } catch let notKept as NotKept {
            return notKept.outcome
        }
    }

    /// Group commit: several deliveries (of one kommun or several) in one transaction, each all or nothing in a
    /// savepoint of its own, with one commit for them all; the outcomes in the deliveries' order, a delivery that
    /// could not be read with its error. A database error fails the whole batch, as on SQLite.
    public func ingest(batch: [ReportDelivery], now: Date) throws -> [Result<IngestOutcome, any Error>] {
        guard let first = batch.first else { return [] }
        let pulled = batch.map { PulledDelivery($0) }
        let timestamp = Timestamp.text(now)
        return try bridge.transaction(kommun: first.kommun) { transaction in
            try Self.lockReports(of: batch.map(\.kommun), transaction)
            var kommun = first.kommun
            var results: [Result<IngestOutcome, any Error>] = []
            for delivery in pulled {
                if delivery.delivery.kommun != kommun {
                    kommun = delivery.delivery.kommun
                    try transaction.execute("SELECT set_config('app.kommun', $1, true)", [.text(kommun)])
                }
                try transaction.execute("SAVEPOINT delivery")
                do {
                    let outcome = try Self.write(delivery, at: timestamp, transaction)
                    if outcome.committed {
                        if let event = delivery.delivery.audit(outcome) { try Self.insert(event, transaction) }
                    } else {
                        try transaction.execute("ROLLBACK TO SAVEPOINT delivery")
                    }
                    try transaction.execute("RELEASE SAVEPOINT delivery")
                    results.append(.success(outcome))
                } catch let error as PostgresStoreError {
                    throw error
                } catch {
                    try transaction.execute("ROLLBACK TO SAVEPOINT delivery")
                    try transaction.execute("RELEASE SAVEPOINT delivery")
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    /// Writes one delivery inside the caller's transaction; `committed` tells whether it should be kept (the
    /// caller rolls back otherwise). Safe to run again in a new transaction: it changes nothing of `pulled`.
    private static func write(_ pulled: PulledDelivery, at timestamp: String, _ transaction: PostgresTransaction) throws -> IngestOutcome {
        let delivery = pulled.delivery
        var outcome = IngestOutcome(file: delivery.file)
        let kommun = delivery.kommun
        if let problem = try recordChecklist(delivery.checklist, kommun: kommun, at: timestamp, transaction) {
            outcome.fileProblem = problem
            return outcome
        }
        // What SQLite would have thrown while reading the rows in its transaction.
        if let error = pulled.readError { throw error }
        let ingest = try transaction.queryFirst("""
            INSERT INTO ingests (kommun, source_file, started_at, checklist_version) VALUES ($1, $2, $3, $4) RETURNING id
            """, [.text(kommun), .text(delivery.file), .text(timestamp), .text(delivery.checklist.version)])
        let ingestID = try ingest!.int64("id")
        if !pulled.rows.isEmpty {
            let staged = try pulled.stage(pulled.keys(transaction), transaction)
            if staged > PulledDelivery.readAhead {
                // The delivery's order is a sort of the staged rows: in memory it costs little, on disk (PostgreSQL's
                // default 4 MB) a tenth of a large file's ingest. This transaction only; a small delivery needs neither.
                try transaction.execute("SELECT set_config('work_mem', $1, true)", [.text(moveWorkMemory)])
            }
            (outcome.new, outcome.revised, outcome.unchanged) = try move(ingestID: ingestID, kommun: kommun, delivery: delivery,
                                                                         at: timestamp, transaction)
            if !delivery.addsToStored, pulled.hasRowsWithoutID {
                outcome.withdrawn = try withdrawReplaced(ingestID: ingestID, kommun: kommun, transaction)
            }
        }
        outcome.refused = pulled.refused
        guard outcome.isKept(under: delivery.options) else { return outcome }
        try transaction.execute("""
            UPDATE ingests SET rows_new = $1, rows_revised = $2, rows_unchanged = $3, rows_refused = $4, rows_withdrawn = $5 WHERE id = $6
            """, [.int(Int64(outcome.new)), .int(Int64(outcome.revised)), .int(Int64(outcome.unchanged)),
                  .int(Int64(outcome.refused.count)), .int(Int64(outcome.withdrawn)), .int(ingestID)])
        try analyzeReportsIfGrown(by: outcome.new, transaction)
        outcome.committed = true
        return outcome
    }

    /// Brings the statistics of `reports` up to date when this ingest added more than a tenth of its rows (and at
    /// least `analyzedGrowth`), as autovacuum would a minute later: the plans of the next minute's submissions and
    /// lägesbilder depend on them (a planner that takes a kommun for a few rows scans all of them). In the
    /// ingest's transaction, so the statistics commit with the rows they count.
    private static func analyzeReportsIfGrown(by added: Int, _ transaction: PostgresTransaction) throws {
        guard added >= analyzedGrowth else { return }
        let estimate = try transaction.queryFirst("SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = 'reports'::regclass")
        let rows = try estimate?.double("reltuples") ?? -1
        // reltuples is -1 for a table never analyzed.
        if rows < 0 || Double(added) > rows / 10 {
            try transaction.execute("ANALYZE reports")
        }
    }

    /// The fewest new rows for which an ingest checks whether `reports` needs new statistics.
    static let analyzedGrowth = 1_000

    /// Moves the staged rows into `reports`: a stored row with other content is revised (the trigger keeps the
    /// old one in `report_revisions`), an equal one is touched (seen in this ingest, its source as the kommun file
    /// now declares it, current again if it was withdrawn), and the others are inserted in the delivery's order
    /// (an anti-join: ON CONFLICT DO NOTHING measured 10–40 % slower per row). Returns how many rows were new,
    /// revised and unchanged.
    private static func move(ingestID: Int64, kommun: String, delivery: ReportDelivery, at timestamp: String,
                             _ transaction: PostgresTransaction) throws -> (new: Int, revised: Int, unchanged: Int) {
        let binds = moveBinds(ingestID: ingestID, kommun: kommun, delivery: delivery, at: timestamp)
        let revised = try transaction.execute(reviseStatement, binds)
        let unchanged = try transaction.execute(touchStatement, Array(binds.prefix(2)))
        let new = try transaction.execute(insertStatement, binds)
        return (new, revised, unchanged)
    }

    /// The values bound to `reviseStatement` and `insertStatement`; `touchStatement` takes the first two.
    static func moveBinds(ingestID: Int64, kommun: String, delivery: ReportDelivery, at timestamp: String) -> [PostgresValue] {
        [.int(ingestID), .text(kommun), .text(delivery.checklist.version), .text(delivery.file), .text(timestamp)]
    }

    /// Revises the stored rows whose staged row has other content.
    static let reviseStatement = """
        UPDATE reports r SET date = s.date, precision = s.precision, time = s.time, area = s.area, indicator = s.indicator,
            value = s.value, place = s.place, lat = s.lat, lon = s.lon, note = s.note, content_hash = s.content_hash,
            checklist_version = $3, ingest_id = $1, source_file = $4, source_line = s.source_line, ingested_at = $5,
            seen_in = $1, source = s.source, period = s.period, period_end = s.period_end, withdrawn_in = NULL
        FROM ingest_rows s
        WHERE r.kommun = $2 AND r.reporter = s.reporter AND r.ref = s.ref AND r.content_hash <> s.content_hash
        """

    /// Touches the stored rows the staged rows repeat unchanged.
    static let touchStatement = """
        UPDATE reports r SET seen_in = $1, source = s.source, withdrawn_in = NULL
        FROM ingest_rows s
        WHERE r.kommun = $2 AND r.reporter = s.reporter AND r.ref = s.ref AND r.content_hash = s.content_hash AND r.seen_in <> $1
        """

    /// Inserts the staged rows no stored row has the key of, in the delivery's order.
    static let insertStatement = """
        INSERT INTO reports (kommun, reporter, ref, date, precision, time, area, indicator, value, place, lat, lon, note,
            content_hash, checklist_version, ingest_id, source_file, source_line, ingested_at, seen_in, source, period, period_end)
        SELECT $2, s.reporter, s.ref, s.date, s.precision, s.time, s.area, s.indicator, s.value, s.place, s.lat, s.lon, s.note,
            s.content_hash, $3, $1, $4, s.source_line, $5, $1, s.source, s.period, s.period_end
        FROM ingest_rows s
        WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.kommun = $2 AND r.reporter = s.reporter AND r.ref = s.ref)
        ORDER BY s.seq
        """

    /// The sort memory of the statements that move a long delivery's rows (250,000 rows sorted in 60 MB).
    static let moveWorkMemory = "256MB"

    /// Without ids, a delivery is its reporter's whole account of each day it has id-less rows for: the reporter's
    /// id-less rows of those days that this ingest did not deliver again are withdrawn (kept, marked with this
    /// ingest). Returns how many. Rows with an id are corrected by their id instead, never here.
    private static func withdrawReplaced(ingestID: Int64, kommun: String, _ transaction: PostgresTransaction) throws -> Int {
        try transaction.execute("""
            UPDATE reports r SET withdrawn_in = $1
            WHERE r.kommun = $2 AND (r.reporter, r.date, r.precision) IN (SELECT reporter, date, precision FROM ingest_rows WHERE idless)
                AND r.ref LIKE '#%' AND r.seen_in <> $1 AND r.withdrawn_in IS NULL
            """, [.int(ingestID), .text(kommun)])
    }

    /// Stores the checklist the rows are checked against under its version, so old reports stay readable after
    /// the kommun changes its checklist. A version already stored with other content is a problem.
    private static func recordChecklist(_ checklist: Checklist, kommun: String, at timestamp: String,
                                        _ transaction: PostgresTransaction) throws -> String? {
        let definition = ChecklistSnapshot(checklist).json
        if let stored = try transaction.queryFirst("SELECT definition FROM checklists WHERE kommun = $1 AND version = $2",
                                                   [.text(kommun), .text(checklist.version)]) {
            guard try stored.text("definition") == definition else {
                return ChecklistSnapshot.versionConflict(checklist, kommun: kommun)
            }
            return nil
        }
        try transaction.execute("INSERT INTO checklists (kommun, version, definition, stored_at) VALUES ($1, $2, $3, $4)",
                                [.text(kommun), .text(checklist.version), .text(definition), .text(timestamp)])
        return nil
    }

    /// Holds, until the transaction ends, the lock on the reports of each of `kommuner` (in one order, so two
    /// batches never wait for each other crosswise): their ingests and withdrawals run one at a time, as on
    /// SQLite, so that each sees what the one before it stored and ingest ids grow in the order ingests commit.
    static func lockReports(of kommuner: [String], _ transaction: PostgresTransaction) throws {
        for kommun in Set(kommuner).sorted() {
            // The first key, 1768843123 ("ings" in ASCII), sets these locks apart; the second is the kommun's hash.
            try transaction.execute("SELECT pg_advisory_xact_lock(1768843123, hashtext($1))", [.text(kommun)])
        }
    }
}

/// A delivery that is not kept (refused, or a dry run): its transaction is rolled back, and its outcome returned.
private struct NotKept: Error {
    let outcome: IngestOutcome
}
