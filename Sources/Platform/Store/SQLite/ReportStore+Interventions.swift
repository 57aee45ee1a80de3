import Foundation
import GRDB

extension ReportStore {
    /// Stores checked rows in one transaction (`InterventionStore`).
    public func store(_ rows: [InterventionImportRow], kommun: String, skippingKnownSources: Bool, now: Date) throws -> [String] {
        var ids: [String] = []
        try queue.inTransaction(.immediate) { db in
            for row in rows {
                if skippingKnownSources, let source = row.proposal.source, try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM interventions WHERE kommun = ? AND source = ?
                    """, arguments: [kommun, source]) == true { continue }
                let id = try Self.insert(row.proposal, kommun: kommun, db: db, now: now)
                if let decision = row.decision {
                    try Self.apply(decision, to: id, kommun: kommun, db: db, now: now)
                }
                ids.append(id)
            }
            return .commit
        }
        return ids
    }

    /// Records a checked decision (`InterventionStore`).
    public func storeDecision(_ decision: InterventionDecision, for id: String, kommun: String, now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            try Self.apply(decision, to: id, kommun: kommun, db: db, now: now)
            return .commit
        }
    }

    /// Records a follow-up (`InterventionStore`).
    public func storeFollowUp(of id: String, body: String, on date: CalendarDate, outcome: FollowUpOutcome, comment: String?,
                              kommun: String, now: Date) throws {
        try queue.inTransaction(.immediate) { db in
            try InterventionRules.checkFollowUp(on: date, of: try Self.intervention(id, kommun: kommun, db: db))
            if outcome == .end {
                try db.execute(sql: "UPDATE interventions SET status = 'ended', ended_on = ? WHERE kommun = ? AND id = ?",
                               arguments: [date.description, kommun, id])
            }
            try Self.record(.followUp, id: id, kommun: kommun, date: date, body: body, outcome: outcome, comment: comment,
                            db: db, now: now)
            return .commit
        }
    }

    /// Every intervention of `kommun`, by id.
    public func interventions(kommun: String) throws -> [Intervention] {
        try rows("SELECT * FROM interventions WHERE kommun = ? ORDER BY id", [kommun], Self.intervention(from:))
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

    /// The decided interventions with their latest decision or follow-up (`InterventionStore`).
    public func decidedInterventions(kommun: String, by date: CalendarDate) throws -> [(intervention: Intervention, latest: CalendarDate)] {
        try rows("""
            SELECT i.*, (SELECT MAX(e.date) FROM intervention_events e WHERE e.kommun = i.kommun AND e.intervention = i.id
                         AND e.kind IN ('decided', 'follow-up') AND e.date <= ?) AS latest
            FROM interventions i WHERE i.kommun = ? AND i.status = 'decided' AND i.decided_on <= ? ORDER BY i.id
            """, [date.description, kommun, date.description]) { row in
            guard let item = Self.intervention(from: row), let latest = (row["latest"] as String?).flatMap({ CalendarDate(iso: $0) }) else { return nil }
            return (item, latest)
        }
    }

    private static func insert(_ proposal: InterventionProposal, kommun: String, db: Database, now: Date) throws -> String {
        let last = try String.fetchOne(db, sql: """
            SELECT id FROM interventions WHERE kommun = ? AND id LIKE ? ORDER BY length(id) DESC, id DESC LIMIT 1
            """, arguments: [kommun, InterventionRules.idPrefix(year: proposal.proposedOn.year) + "%"])
        let id = InterventionRules.nextID(after: last, year: proposal.proposedOn.year)
        try db.execute(sql: """
            INSERT INTO interventions (kommun, id, title, status, proposed_by, proposed_on, lagesbild_period, areas, indicators, source)
            VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?)
            """, arguments: [kommun, id, proposal.title, proposal.proposedBy, proposal.proposedOn.description,
                             proposal.lagesbildPeriod, proposal.areas.joined(separator: ","),
                             proposal.indicators.joined(separator: ","), proposal.source])
        try record(.proposed, id: id, kommun: kommun, date: proposal.proposedOn, body: proposal.proposedBy, outcome: nil,
                   comment: InterventionRules.proposalComment(proposal), db: db, now: now)
        return id
    }

    private static func apply(_ decision: InterventionDecision, to id: String, kommun: String, db: Database, now: Date) throws {
        try InterventionRules.checkDecision(decision, of: try intervention(id, kommun: kommun, db: db))
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
            throw InterventionRules.unknown(id, kommun: kommun)
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
