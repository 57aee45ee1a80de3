import Foundation

/// Interventions (åtgärder) and their history. The implementations store and read; the rules that need
/// no stored state are checked here, before them, and the ones that do (`InterventionRules`) by the
/// implementation inside its transaction.
public protocol InterventionStore: Sendable {
    /// Stores checked rows (a proposal each, with its decision when the row has one) in one transaction, or
    /// none; with `skippingKnownSources`, a row whose proposal's `source` is already stored is skipped.
    /// Returns the new ids in order: `I-<year proposed>-NNN`, the kommun's next number of that year.
    func store(_ rows: [InterventionImportRow], kommun: String, skippingKnownSources: Bool, now: Date) throws -> [String]
    /// Records a checked decision for the proposed intervention `id` (`InterventionRules.checkDecision`).
    func storeDecision(_ decision: InterventionDecision, for id: String, kommun: String, now: Date) throws
    /// Records a follow-up at a meeting of `body` (`InterventionRules.checkFollowUp`); `.end` ends it.
    func storeFollowUp(of id: String, body: String, on date: CalendarDate, outcome: FollowUpOutcome, comment: String?,
                       kommun: String, now: Date) throws
    /// Every intervention of `kommun`, by id.
    func interventions(kommun: String) throws -> [Intervention]
    /// One intervention and its history, oldest event first; `InterventionError` when there is none.
    func intervention(_ id: String, kommun: String) throws -> (Intervention, [InterventionEvent])
    /// The interventions decided on or before `date` and not ended, by id, each with the date of its latest
    /// decision or follow-up on or before `date`.
    func decidedInterventions(kommun: String, by date: CalendarDate) throws -> [(intervention: Intervention, latest: CalendarDate)]
}

extension InterventionStore {
    /// Checks `proposal` against `config` and stores it as a new intervention; returns its id (`I-2026-001`).
    @discardableResult
    public func propose(_ proposal: InterventionProposal, config: KommunConfig, now: Date = Date()) throws -> String {
        let problems = proposal.problems(in: config)
        guard problems.isEmpty else { throw InterventionError(problems) }
        return try store([InterventionImportRow(line: nil, proposal: proposal, decision: nil)], kommun: config.id,
                         skippingKnownSources: false, now: now)[0]
    }

    /// Stores every row (its proposal, and its decision when it has one) in one transaction, or none: a problem
    /// in any row changes nothing, and every problem is listed with its line. Rows whose proposal's `source`
    /// is already stored are skipped, so importing the same list twice adds nothing; returns the new ids.
    public func importInterventions(_ rows: [InterventionImportRow], config: KommunConfig, now: Date = Date()) throws -> [String] {
        let problems = rows.flatMap { $0.problems(in: config) }
        guard problems.isEmpty else { throw InterventionError(problems) }
        return try store(rows, kommun: config.id, skippingKnownSources: true, now: now)
    }

    /// Records `decision` for the proposed intervention `id`.
    public func decide(_ id: String, _ decision: InterventionDecision, config: KommunConfig, now: Date = Date()) throws {
        let problems = decision.problems(in: config)
        guard problems.isEmpty else { throw InterventionError(problems) }
        try storeDecision(decision, for: id, kommun: config.id, now: now)
    }

    /// Records a follow-up of the decided intervention `id` at a meeting of `body` on `date`; `end` ends it.
    public func followUp(_ id: String, body: String, on date: CalendarDate, outcome: FollowUpOutcome, comment: String?,
                         config: KommunConfig, now: Date = Date()) throws {
        let problems = InterventionReferences(config: config).body(body, role: "following-up body")
        guard problems.isEmpty else { throw InterventionError(problems) }
        try storeFollowUp(of: id, body: body, on: date, outcome: outcome, comment: comment, kommun: config.id, now: now)
    }

    /// The interventions of `kommun` under way on `day`: decided, started and not ended before it.
    public func interventions(kommun: String, activeOn day: CalendarDate) throws -> [Intervention] {
        try interventions(kommun: kommun).filter { $0.isActive(on: day) }
    }

    /// The decided interventions of `kommun` that are due a follow-up on `date`: not ended, and since their
    /// latest decision or follow-up either a meeting of the deciding body has been held (among `meetings`,
    /// e.g. from ``MeetingPlanner``, before `date`) or `withinDays` days or more have passed.
    public func followUpsDue(kommun: String, by date: CalendarDate, withinDays: Int = 90, meetings: [Meeting] = []) throws -> [Intervention] {
        try decidedInterventions(kommun: kommun, by: date).filter { item, latest in
            if date.dayNumber - latest.dayNumber >= withinDays { return true }
            return meetings.contains { $0.source == item.decidedBy && $0.date > latest && $0.date < date }
        }.map(\.intervention)
    }
}
