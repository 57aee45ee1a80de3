import Foundation
import GRDB

extension ReportStore {
    /// Why an intervention could not be proposed, decided or followed up; lists every problem.
    public struct InterventionError: Error, Sendable, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }

        init(_ problems: [String]) { self.problems = problems }
        init(_ problem: String) { problems = [problem] }
    }

    /// Checks `proposal` against `config` and stores it as a new intervention; returns its id (`I-2026-001`).
    @discardableResult
    public func propose(_ proposal: InterventionProposal, config: KommunConfig, now: Date = Date()) throws -> String {
        let problems = proposal.problems(in: config)
        guard problems.isEmpty else { throw InterventionError(problems) }
        var id = ""
        try queue.inTransaction(.immediate) { db in
            id = try Self.insert(proposal, kommun: config.id, db: db, now: now)
            return .commit
        }
        return id
    }

    /// Stores every row (its proposal, and its decision when it has one) in one transaction, or none: a problem
    /// in any row changes nothing, and every problem is listed with its line. Rows whose proposal's `source`
    /// is already stored are skipped, so importing the same list twice adds nothing; returns the new ids.
    public func importInterventions(_ rows: [InterventionImportRow], config: KommunConfig, now: Date = Date()) throws -> [String] {
        let problems = rows.flatMap { $0.problems(in: config) }
        guard problems.isEmpty else { throw InterventionError(problems) }
        var ids: [String] = []
        try queue.inTransaction(.immediate) { db in
            for row in rows {
                if let source = row.proposal.source, try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM interventions WHERE kommun = ? AND source = ?
                    """, arguments: [config.id, source]) == true { continue }
                let id = try Self.insert(row.proposal, kommun: config.id, db: db, now: now)
                if let decision = row.decision {
                    try Self.apply(decision, to: id, kommun: config.id, db: db, now: now)
                }
                ids.append(id)
            }
            return .commit
        }
        return ids
    }

    /// Records `decision` for the proposed intervention `id`.
    public func decide(_ id: String, _ decision: InterventionDecision, config: KommunConfig, now: Date = Date()) throws {
        let problems = decision.problems(in: config)
        guard problems.isEmpty else { throw InterventionError(problems) }
        try queue.inTransaction(.immediate) { db in
            try Self.apply(decision, to: id, kommun: config.id, db: db, now: now)
            return .commit
        }
    }

    /// Records a follow-up of the decided intervention `id` at a meeting of `body` on `date`; `end` ends it.
    public func followUp(_ id: String, body: String, on date: CalendarDate, outcome: FollowUpOutcome, comment: String?,
                         config: KommunConfig, now: Date = Date()) throws {
        let problems = InterventionReferences(config: config).body(body, role: "following-up body")
        guard problems.isEmpty else { throw InterventionError(problems) }
        try queue.inTransaction(.immediate) { db in
            let current = try Self.intervention(id, kommun: config.id, db: db)
            guard current.status == .decided, let decidedOn = current.decidedOn else {
                throw InterventionError("\(id) is \(current.status.rawValue); only a decided intervention that has not ended can be followed up")
            }
            guard date >= decidedOn else {
                throw InterventionError("\(id) was decided on \(decidedOn); it cannot be followed up on \(date)")
            }
            if outcome == .end {
                try db.execute(sql: "UPDATE interventions SET status = 'ended', ended_on = ? WHERE kommun = ? AND id = ?",
                               arguments: [date.description, config.id, id])
            }
            try Self.record(.followUp, id: id, kommun: config.id, date: date, body: body, outcome: outcome, comment: comment,
                            db: db, now: now)
            return .commit
        }
    }

    /// Every intervention of `kommun`, by id.
    public func interventions(kommun: String) throws -> [Intervention] {
        try rows("SELECT * FROM interventions WHERE kommun = ? ORDER BY id", [kommun], Self.intervention(from:))
    }

    /// The interventions of `kommun` under way on `day`: decided, started and not ended before it.
    public func interventions(kommun: String, activeOn day: CalendarDate) throws -> [Intervention] {
        try interventions(kommun: kommun).filter { $0.isActive(on: day) }
    }

    /// One intervention and its history, oldest event first.
    public func intervention(_ id: String, kommun: String) throws -> (Intervention, [InterventionEvent]) {
        try queue.read { db in
            let intervention = try Self.intervention(id, kommun: kommun, db: db)
            let events = try Row.fetchAll(db, sql: """
                SELECT kind, date, body, outcome, comment FROM intervention_events
                WHERE kommun = ? AND intervention = ? ORDER BY id
                """, arguments: [kommun, id]).compactMap { row -> InterventionEvent? in
                guard let kind = InterventionEvent.Kind(rawValue: row[0]), let date = CalendarDate(iso: row[1] as String) else { return nil }
                return InterventionEvent(kind: kind, date: date, body: row[2],
                                         outcome: (row[3] as String?).flatMap(FollowUpOutcome.init(rawValue:)), comment: row[4])
            }
            return (intervention, events)
        }
    }

    /// The decided interventions of `kommun` that are due a follow-up on `date`: not ended, and since their
    /// latest decision or follow-up either a meeting of the deciding body has been held (among `meetings`,
    /// e.g. from ``MeetingPlanner``, before `date`) or `withinDays` days or more have passed.
    public func followUpsDue(kommun: String, by date: CalendarDate, withinDays: Int = 90, meetings: [Meeting] = []) throws -> [Intervention] {
        let latest = try rows("""
            SELECT i.*, (SELECT MAX(e.date) FROM intervention_events e WHERE e.kommun = i.kommun AND e.intervention = i.id
                         AND e.kind IN ('decided', 'follow-up') AND e.date <= ?) AS latest
            FROM interventions i WHERE i.kommun = ? AND i.status = 'decided' AND i.decided_on <= ? ORDER BY i.id
            """, [date.description, kommun, date.description]) { row -> (Intervention, CalendarDate)? in
            guard let item = Self.intervention(from: row), let latest = (row["latest"] as String?).flatMap({ CalendarDate(iso: $0) }) else { return nil }
            return (item, latest)
        }
        return latest.filter { item, latest in
            if date.dayNumber - latest.dayNumber >= withinDays { return true }
            return meetings.contains { $0.source == item.decidedBy && $0.date > latest && $0.date < date }
        }.map(\.0)
    }

    private static func insert(_ proposal: InterventionProposal, kommun: String, db: Database, now: Date) throws -> String {
        let prefix = "I-\(proposal.proposedOn.year)-"
        let last = try String.fetchOne(db, sql: """
            SELECT id FROM interventions WHERE kommun = ? AND id LIKE ? ORDER BY length(id) DESC, id DESC LIMIT 1
            """, arguments: [kommun, prefix + "%"])
        let next = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        let id = prefix + CalendarDate.pad(next, 3)
        try db.execute(sql: """
            INSERT INTO interventions (kommun, id, title, status, proposed_by, proposed_on, lagesbild_period, areas, indicators, source)
            VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?)
            """, arguments: [kommun, id, proposal.title, proposal.proposedBy, proposal.proposedOn.description,
                             proposal.lagesbildPeriod, proposal.areas.joined(separator: ","),
                             proposal.indicators.joined(separator: ","), proposal.source])
        try record(.proposed, id: id, kommun: kommun, date: proposal.proposedOn, body: proposal.proposedBy, outcome: nil,
                   comment: proposal.lagesbildPeriod.map { "från lägesbilden \($0)" }, db: db, now: now)
        return id
    }

    private static func apply(_ decision: InterventionDecision, to id: String, kommun: String, db: Database, now: Date) throws {
        let current = try intervention(id, kommun: kommun, db: db)
        guard current.status == .proposed else {
            throw InterventionError("\(id) is already \(current.status.rawValue); only a proposed intervention can be decided")
        }
        guard decision.decidedOn >= current.proposedOn else {
            throw InterventionError("\(id) was proposed on \(current.proposedOn); it cannot be decided on \(decision.decidedOn)")
        }
        try db.execute(sql: """
            UPDATE interventions SET status = 'decided', decided_by = ?, decided_on = ?, owner = ?, start_date = ?,
                planned_end = ? WHERE kommun = ? AND id = ?
            """, arguments: [decision.decidedBy, decision.decidedOn.description, decision.owner, decision.start.description,
                             decision.plannedEnd?.description, kommun, id])
        try record(.decided, id: id, kommun: kommun, date: decision.decidedOn, body: decision.decidedBy,
                   outcome: nil, comment: nil, db: db, now: now)
    }

    private static func record(_ kind: InterventionEvent.Kind, id: String, kommun: String, date: CalendarDate, body: String,
                               outcome: FollowUpOutcome?, comment: String?, db: Database, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO intervention_events (kommun, intervention, kind, date, body, outcome, comment, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kommun, id, kind.rawValue, date.description, body, outcome?.rawValue, comment,
                             Timestamp.text(now)])
    }

    private static func intervention(_ id: String, kommun: String, db: Database) throws -> Intervention {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM interventions WHERE kommun = ? AND id = ?", arguments: [kommun, id]),
              let intervention = intervention(from: row) else {
            throw InterventionError("\(kommun) has no intervention '\(id)'")
        }
        return intervention
    }

    private static func intervention(from row: Row) -> Intervention? {
        func date(_ column: String) -> CalendarDate? { (row[column] as String?).flatMap { CalendarDate(iso: $0) } }
        func list(_ column: String) -> [String] { (row[column] as String).split(separator: ",").map(String.init) }
        guard let status = Intervention.Status(rawValue: row["status"]), let proposedOn = date("proposed_on") else { return nil }
        return Intervention(id: row["id"], kommun: row["kommun"], title: row["title"], status: status,
                            proposedBy: row["proposed_by"], proposedOn: proposedOn, lagesbildPeriod: row["lagesbild_period"],
                            areas: list("areas"), indicators: list("indicators"), decidedBy: row["decided_by"],
                            decidedOn: date("decided_on"), owner: row["owner"], start: date("start_date"),
                            plannedEnd: date("planned_end"), endedOn: date("ended_on"), source: row["source"])
    }
}
