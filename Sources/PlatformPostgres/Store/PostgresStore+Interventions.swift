import Foundation
import Platform

/// Interventions and their history (`InterventionStore`), as `ReportStore+Interventions.swift` does on
/// SQLite, each transaction with its kommun set. A write that reads what it checks runs SERIALIZABLE (SQLite's
/// writes are serial): two servers proposing at once cannot take the same id; the loser is run again.
extension PostgresStore {
    public func store(_ rows: [InterventionImportRow], kommun: String, skippingKnownSources: Bool, now: Date) throws -> [String] {
        try bridge.transaction(kommun: kommun, isolation: .serializable) { transaction in
            var ids: [String] = []
            for row in rows {
                if skippingKnownSources, let source = row.proposal.source, try transaction.queryFirst("""
                    SELECT 1 AS found FROM interventions WHERE kommun = $1 AND source = $2
                    """, [.text(kommun), .text(source)]) != nil { continue }
                let id = try Self.insert(row.proposal, kommun: kommun, transaction, now: now)
                if let decision = row.decision {
                    try Self.apply(decision, to: id, kommun: kommun, transaction, now: now)
                }
                ids.append(id)
            }
            return ids
        }
    }

    public func storeDecision(_ decision: InterventionDecision, for id: String, kommun: String, now: Date) throws {
        try bridge.transaction(kommun: kommun, isolation: .serializable) { transaction in
            try Self.apply(decision, to: id, kommun: kommun, transaction, now: now)
        }
    }

    public func storeFollowUp(of id: String, body: String, on date: CalendarDate, outcome: FollowUpOutcome, comment: String?,
                              kommun: String, now: Date) throws {
        try bridge.transaction(kommun: kommun, isolation: .serializable) { transaction in
            try InterventionRules.checkFollowUp(on: date, of: try Self.intervention(id, kommun: kommun, transaction))
            if outcome == .end {
                try transaction.execute("UPDATE interventions SET status = 'ended', ended_on = $1 WHERE kommun = $2 AND id = $3",
                                        [.text(date.description), .text(kommun), .text(id)])
            }
            try Self.record(.followUp, id: id, kommun: kommun, date: date, body: body, outcome: outcome, comment: comment,
                            transaction, now: now)
        }
    }

    public func interventions(kommun: String) throws -> [Intervention] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query("""
                SELECT \(Self.interventionColumns()) FROM interventions WHERE kommun = $1 ORDER BY id COLLATE "C"
                """, [.text(kommun)]).compactMap(Self.intervention(from:))
        }
    }

    public func intervention(_ id: String, kommun: String) throws -> (Intervention, [InterventionEvent]) {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            let intervention = try Self.intervention(id, kommun: kommun, transaction)
            let events = try transaction.query("""
                SELECT kind, date, body, outcome, comment FROM intervention_events
                WHERE kommun = $1 AND intervention = $2 ORDER BY id
                """, [.text(kommun), .text(id)]).compactMap { row -> InterventionEvent? in
                guard let kind = InterventionEvent.Kind(rawValue: try row.text("kind")),
                      let date = CalendarDate(iso: try row.text("date")) else { return nil }
                return InterventionEvent(kind: kind, date: date, body: try row.text("body"),
                                         outcome: try row.optionalText("outcome").flatMap(FollowUpOutcome.init(rawValue:)),
                                         comment: try row.optionalText("comment"))
            }
            return (intervention, events)
        }
    }

    public func decidedInterventions(kommun: String, by date: CalendarDate) throws -> [(intervention: Intervention, latest: CalendarDate)] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query("""
                SELECT \(Self.interventionColumns("i.")),
                    (SELECT MAX(e.date COLLATE "C") FROM intervention_events e WHERE e.kommun = i.kommun AND e.intervention = i.id
                     AND e.kind IN ('decided', 'follow-up') AND e.date <= $1 COLLATE "C") AS latest
                FROM interventions i WHERE i.kommun = $2 AND i.status = 'decided' AND i.decided_on <= $1 COLLATE "C"
                ORDER BY i.id COLLATE "C"
                """, [.text(date.description), .text(kommun)]).compactMap { row in
                guard let item = try Self.intervention(from: row),
                      let latest = try row.optionalText("latest").flatMap({ CalendarDate(iso: $0) }) else { return nil }
                return (item, latest)
            }
        }
    }

    private static func insert(_ proposal: InterventionProposal, kommun: String, _ transaction: PostgresTransaction, now: Date) throws -> String {
        let last = try transaction.queryFirst("""
            SELECT id FROM interventions WHERE kommun = $1 AND id LIKE $2 ORDER BY length(id) DESC, id COLLATE "C" DESC LIMIT 1
            """, [.text(kommun), .text(InterventionRules.idPrefix(year: proposal.proposedOn.year) + "%")])?.text("id")
        let id = InterventionRules.nextID(after: last, year: proposal.proposedOn.year)
        try transaction.execute("""
            INSERT INTO interventions (kommun, id, title, status, proposed_by, proposed_on, lagesbild_period, areas, indicators, source)
            VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $7, $8, $9)
            """, [.text(kommun), .text(id), .text(proposal.title), .text(proposal.proposedBy), .text(proposal.proposedOn.description),
                  PostgresValue(proposal.lagesbildPeriod), .text(proposal.areas.joined(separator: ",")),
                  .text(proposal.indicators.joined(separator: ",")), PostgresValue(proposal.source)])
        try record(.proposed, id: id, kommun: kommun, date: proposal.proposedOn, body: proposal.proposedBy, outcome: nil,
                   comment: InterventionRules.proposalComment(proposal), transaction, now: now)
        return id
    }

    private static func apply(_ decision: InterventionDecision, to id: String, kommun: String, _ transaction: PostgresTransaction,
                              now: Date) throws {
        try InterventionRules.checkDecision(decision, of: try intervention(id, kommun: kommun, transaction))
        try transaction.execute("""
            UPDATE interventions SET status = 'decided', decided_by = $1, decided_on = $2, owner = $3, start_date = $4,
                planned_end = $5 WHERE kommun = $6 AND id = $7
            """, [.text(decision.decidedBy), .text(decision.decidedOn.description), PostgresValue(decision.owner),
                  .text(decision.start.description), PostgresValue(decision.plannedEnd?.description), .text(kommun), .text(id)])
        try record(.decided, id: id, kommun: kommun, date: decision.decidedOn, body: decision.decidedBy, outcome: nil, comment: nil,
                   transaction, now: now)
    }

    private static func record(_ kind: InterventionEvent.Kind, id: String, kommun: String, date: CalendarDate, body: String,
                               outcome: FollowUpOutcome?, comment: String?, _ transaction: PostgresTransaction, now: Date) throws {
        try transaction.execute("""
            INSERT INTO intervention_events (kommun, intervention, kind, date, body, outcome, comment, recorded_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [.text(kommun), .text(id), .text(kind.rawValue), .text(date.description), .text(body), PostgresValue(outcome?.rawValue),
                  PostgresValue(comment), .text(Timestamp.text(now))])
    }

    private static func intervention(_ id: String, kommun: String, _ transaction: PostgresTransaction) throws -> Intervention {
        guard let row = try transaction.queryFirst("SELECT \(interventionColumns()) FROM interventions WHERE kommun = $1 AND id = $2",
                                                   [.text(kommun), .text(id)]),
              let intervention = try intervention(from: row) else {
            throw InterventionRules.unknown(id, kommun: kommun)
        }
        return intervention
    }

    /// The columns `intervention(from:)` reads, each prefixed with `table` (`i.`).
    private static func interventionColumns(_ table: String = "") -> String {
        ["id", "kommun", "title", "status", "proposed_by", "proposed_on", "lagesbild_period", "areas", "indicators", "decided_by",
         "decided_on", "owner", "start_date", "planned_end", "ended_on", "source"].map { table + $0 }.joined(separator: ", ")
    }

    private static func intervention(from row: PostgresResultRow) throws -> Intervention? {
        func date(_ column: String) throws -> CalendarDate? { try row.optionalText(column).flatMap { CalendarDate(iso: $0) } }
        func list(_ column: String) throws -> [String] { try row.text(column).split(separator: ",").map(String.init) }
        guard let status = Intervention.Status(rawValue: try row.text("status")), let proposedOn = try date("proposed_on") else { return nil }
        return Intervention(id: try row.text("id"), kommun: try row.text("kommun"), title: try row.text("title"), status: status,
                            proposedBy: try row.text("proposed_by"), proposedOn: proposedOn,
                            lagesbildPeriod: try row.optionalText("lagesbild_period"), areas: try list("areas"),
                            indicators: try list("indicators"), decidedBy: try row.optionalText("decided_by"),
                            decidedOn: try date("decided_on"), owner: try row.optionalText("owner"), start: try date("start_date"),
                            plannedEnd: try date("planned_end"), endedOn: try date("ended_on"), source: try row.optionalText("source"))
    }
}
