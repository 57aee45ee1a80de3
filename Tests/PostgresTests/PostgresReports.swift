import Foundation
import Platform
import PlatformPostgres

/// A whole `PlatformStore` whose reports are the PostgreSQL store's (`LagesbildReading`, `ReportIntake`) and whose
/// other parts are an empty SQLite store's: what the lägesbild parity test compiles from while `PostgresStore`
/// has only its reports' part of the contract (the rest is helper pgdomain's, issue 14). Once `PostgresStore`
/// is a `PlatformStore` itself, the test takes it instead and this goes.
struct PostgresReports: PlatformStore {
    let postgres: PostgresStore
    let rest: ReportStore

    func version() throws -> StoreVersion { try postgres.version() }

    func dailyCells(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [DailyCell] {
        try postgres.dailyCells(kommun: kommun, from: from, to: to)
    }
    func values(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReportValue] {
        try postgres.values(kommun: kommun, from: from, to: to)
    }
    func sourceRows(kommun: String, source: Reporter.Source, from: CalendarDate, to: CalendarDate) throws -> [SourceRow] {
        try postgres.sourceRows(kommun: kommun, source: source, from: from, to: to)
    }
    func reporterActivity(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [ReporterActivity] {
        try postgres.reporterActivity(kommun: kommun, from: from, to: to)
    }
    func notes(kommun: String, from: CalendarDate, to: CalendarDate) throws -> [NoteRow] {
        try postgres.notes(kommun: kommun, from: from, to: to)
    }
    func totals(kommun: String, period: Period) throws -> [ReporterIndicatorTotal] { try postgres.totals(kommun: kommun, period: period) }

    func ingest(_ delivery: ReportDelivery, now: Date, beforeCommit: (IngestOutcome) throws -> Void) throws -> IngestOutcome {
        try postgres.ingest(delivery, now: now, beforeCommit: beforeCommit)
    }
    func ingest(batch: [ReportDelivery], now: Date) throws -> [Result<IngestOutcome, any Error>] { try postgres.ingest(batch: batch, now: now) }
    func withdraw(kommun: String, reporter: String, ref: String, source: String, now: Date) throws {
        try postgres.withdraw(kommun: kommun, reporter: reporter, ref: ref, source: source, now: now)
    }
    func recordNothingToReport(kommun: String, reporter: String, period: Period, source: String, now: Date) throws {
        try postgres.recordNothingToReport(kommun: kommun, reporter: reporter, period: period, source: source, now: now)
    }
    func nothingToReport(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [Period] {
        try postgres.nothingToReport(kommun: kommun, reporter: reporter, from: from, to: to)
    }
    func reports(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [StoredReport] {
        try postgres.reports(kommun: kommun, reporter: reporter, from: from, to: to)
    }
    func counts(kommun: String) throws -> (reports: Int, revisions: Int) { try postgres.counts(kommun: kommun) }
    func history(kommun: String, reporter: String, ref: String) throws -> (current: Int?, earlier: [Int]) {
        try postgres.history(kommun: kommun, reporter: reporter, ref: ref)
    }

    func store(_ rows: [InterventionImportRow], kommun: String, skippingKnownSources: Bool, now: Date) throws -> [String] {
        try rest.store(rows, kommun: kommun, skippingKnownSources: skippingKnownSources, now: now)
    }
    func storeDecision(_ decision: InterventionDecision, for id: String, kommun: String, now: Date) throws {
        try rest.storeDecision(decision, for: id, kommun: kommun, now: now)
    }
    func storeFollowUp(of id: String, body: String, on date: CalendarDate, outcome: FollowUpOutcome, comment: String?,
                       kommun: String, now: Date) throws {
        try rest.storeFollowUp(of: id, body: body, on: date, outcome: outcome, comment: comment, kommun: kommun, now: now)
    }
    func interventions(kommun: String) throws -> [Intervention] { try rest.interventions(kommun: kommun) }
    func intervention(_ id: String, kommun: String) throws -> (Intervention, [InterventionEvent]) { try rest.intervention(id, kommun: kommun) }
    func decidedInterventions(kommun: String, by date: CalendarDate) throws -> [(intervention: Intervention, latest: CalendarDate)] {
        try rest.decidedInterventions(kommun: kommun, by: date)
    }
    func storePriorities(kommun: String, period: Period, areas: [String], decidedBy: String, on day: CalendarDate, now: Date) throws {
        try rest.storePriorities(kommun: kommun, period: period, areas: areas, decidedBy: decidedBy, on: day, now: now)
    }
    func priorityDecisions(kommun: String) throws -> [PriorityDecision] { try rest.priorityDecisions(kommun: kommun) }
    func declare(_ escalation: String, kommun: String, area: String?, from: CalendarDate, note: String?, now: Date) throws {
        try rest.declare(escalation, kommun: kommun, area: area, from: from, note: note, now: now)
    }
    func end(_ escalation: String, kommun: String, area: String?, on day: CalendarDate, now: Date) throws {
        try rest.end(escalation, kommun: kommun, area: area, on: day, now: now)
    }
    func escalations(kommun: String) throws -> [DeclaredEscalation] { try rest.escalations(kommun: kommun) }
    func storeAreaStatus(_ assessment: AreaStatusAssessment, kommun: String, now: Date) throws {
        try rest.storeAreaStatus(assessment, kommun: kommun, now: now)
    }
    func areaStatusAssessments(kommun: String, through day: CalendarDate?) throws -> [AreaStatusAssessment] {
        try rest.areaStatusAssessments(kommun: kommun, through: day)
    }

    func addAccount(login: String, name: String, password: String?, isAdmin: Bool, now: Date) throws -> Account {
        try rest.addAccount(login: login, name: name, password: password, isAdmin: isAdmin, now: now)
    }
    func account(id: Int64) throws -> Account? { try rest.account(id: id) }
    func account(login: String) throws -> Account? { try rest.account(login: login) }
    func accounts(kommun: String?) throws -> [Account] { try rest.accounts(kommun: kommun) }
    func grant(_ membership: Membership, to accountID: Int64, now: Date) throws { try rest.grant(membership, to: accountID, now: now) }
    func revoke(kommun: String, from accountID: Int64, now: Date) throws { try rest.revoke(kommun: kommun, from: accountID, now: now) }
    func setDisabled(_ disabled: Bool, accountID: Int64, now: Date) throws { try rest.setDisabled(disabled, accountID: accountID, now: now) }
    func setPassword(_ password: String, accountID: Int64, now: Date) throws { try rest.setPassword(password, accountID: accountID, now: now) }
    func authenticate(login: String, password: String) throws -> Account? { try rest.authenticate(login: login, password: password) }
    func setTOTPSecret(_ secret: String?, accountID: Int64, now: Date) throws { try rest.setTOTPSecret(secret, accountID: accountID, now: now) }
    func totpSecret(accountID: Int64) throws -> String? { try rest.totpSecret(accountID: accountID) }
    func createSession(accountID: Int64, secondFactorPending: Bool, now: Date, lifetime: TimeInterval) throws -> (token: String, session: Session) {
        try rest.createSession(accountID: accountID, secondFactorPending: secondFactorPending, now: now, lifetime: lifetime)
    }
    func session(token: String, now: Date) throws -> Session? { try rest.session(token: token, now: now) }
    func completeSecondFactor(token: String, now: Date) throws { try rest.completeSecondFactor(token: token, now: now) }
    func endSession(token: String) throws { try rest.endSession(token: token) }
    func invite(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> String { try rest.invite(accountID: accountID, now: now, lifetime: lifetime) }
    func acceptInvitation(token: String, password: String, now: Date) throws -> Account {
        try rest.acceptInvitation(token: token, password: password, now: now)
    }
    func addAPIToken(kommun: String, reporter: String?, name: String, now: Date) throws -> (secret: String, token: APIToken) {
        try rest.addAPIToken(kommun: kommun, reporter: reporter, name: name, now: now)
    }
    func apiToken(secret: String, now: Date) throws -> APIToken? { try rest.apiToken(secret: secret, now: now) }
    func apiTokens(kommun: String) throws -> [APIToken] { try rest.apiTokens(kommun: kommun) }
    func revokeAPIToken(id: Int64, kommun: String, now: Date) throws { try rest.revokeAPIToken(id: id, kommun: kommun, now: now) }
    func calendarSecret(accountID: Int64, kommun: String, now: Date) throws -> String {
        try rest.calendarSecret(accountID: accountID, kommun: kommun, now: now)
    }
    func account(calendarSecret: String) throws -> (Account, kommun: String)? { try rest.account(calendarSecret: calendarSecret) }
    func revokeCalendarSecret(accountID: Int64, kommun: String) throws { try rest.revokeCalendarSecret(accountID: accountID, kommun: kommun) }
    func record(_ event: AuditEvent) throws { try rest.record(event) }
    func auditLog(kommun: String?, limit: Int) throws -> [AuditEvent] { try rest.auditLog(kommun: kommun, limit: limit) }
}
