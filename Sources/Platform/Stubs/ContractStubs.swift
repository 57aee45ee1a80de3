// TEMPORARY stand-ins for the accounts and intake contracts (replaced by the helpers' work at merge; never on main).
import Foundation

public enum Role: String, Sendable, CaseIterable, Comparable {
    case reporter, reader, coordinator
    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
public struct Membership: Sendable, Hashable { public var kommun: String; public var role: Role; public var reporter: String? }
public struct Account: Sendable, Hashable, Identifiable {
    public var id: Int64; public var login: String; public var name: String; public var isAdmin: Bool; public var disabled: Bool
    public var memberships: [Membership]; public var hasTOTP: Bool
    public func role(in kommun: String) -> Role? { isAdmin ? .coordinator : memberships.first { $0.kommun == kommun }?.role }
    public func reporter(in kommun: String) -> String? { memberships.first { $0.kommun == kommun }?.reporter }
}
public struct Session: Sendable { public var account: Account; public var csrfToken: String; public var secondFactorPending: Bool; public var expiresAt: Date }
public struct APIToken: Sendable, Hashable { public var id: Int64; public var kommun: String; public var reporter: String?; public var name: String; public var createdAt: Date; public var revokedAt: Date? }
public struct AuditEvent: Sendable, Hashable {
    public var at: Date; public var kommun: String?; public var actor: String; public var action: String; public var detail: String
    public init(at: Date, kommun: String?, actor: String, action: String, detail: String) { (self.at, self.kommun, self.actor, self.action, self.detail) = (at, kommun, actor, action, detail) }
}
public protocol AccountStore: Sendable {
    func account(id: Int64) throws -> Account?
    func account(login: String) throws -> Account?
    func authenticate(login: String, password: String) throws -> Account?
    func totpSecret(accountID: Int64) throws -> String?
    func createSession(accountID: Int64, secondFactorPending: Bool, now: Date, lifetime: TimeInterval) throws -> (token: String, session: Session)
    func session(token: String, now: Date) throws -> Session?
    func completeSecondFactor(token: String, now: Date) throws
    func endSession(token: String) throws
    func invite(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> String
    func acceptInvitation(token: String, password: String, now: Date) throws -> Account
    func apiToken(secret: String, now: Date) throws -> APIToken?
    func calendarSecret(accountID: Int64, kommun: String, now: Date) throws -> String
    func account(calendarSecret: String) throws -> (Account, kommun: String)?
    func revokeCalendarSecret(accountID: Int64, kommun: String) throws
    func record(_ event: AuditEvent) throws
    func auditLog(kommun: String?, limit: Int) throws -> [AuditEvent]
}
public enum AccountError: Error, Sendable, Equatable { case loginTaken(String), unknownAccount(String), invitationInvalid, weakPassword(String), unknownToken }
extension ReportStore: AccountStore {
    public func account(id: Int64) throws -> Account? { fatalError() }
    public func account(login: String) throws -> Account? { fatalError() }
    public func authenticate(login: String, password: String) throws -> Account? { fatalError() }
    public func totpSecret(accountID: Int64) throws -> String? { fatalError() }
    public func createSession(accountID: Int64, secondFactorPending: Bool, now: Date, lifetime: TimeInterval) throws -> (token: String, session: Session) { fatalError() }
    public func session(token: String, now: Date) throws -> Session? { fatalError() }
    public func completeSecondFactor(token: String, now: Date) throws { fatalError() }
    public func endSession(token: String) throws { fatalError() }
    public func invite(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> String { fatalError() }
    public func acceptInvitation(token: String, password: String, now: Date) throws -> Account { fatalError() }
    public func apiToken(secret: String, now: Date) throws -> APIToken? { fatalError() }
    public func calendarSecret(accountID: Int64, kommun: String, now: Date) throws -> String { fatalError() }
    public func account(calendarSecret: String) throws -> (Account, kommun: String)? { fatalError() }
    public func revokeCalendarSecret(accountID: Int64, kommun: String) throws { fatalError() }
    public func record(_ event: AuditEvent) throws { fatalError() }
    public func auditLog(kommun: String?, limit: Int) throws -> [AuditEvent] { fatalError() }
}

public protocol ReportRowSource: AnyObject {
    var file: String { get }
    var isRefusedRows: Bool { get }
    func next() throws(Diagnostic) -> RawReport?
}
extension ReportFileReader: ReportRowSource {
    public convenience init(name: String, data: Data, format: ReportFileReader.Format, limits: ReportLimits = ReportLimits()) throws(Diagnostic) { fatalError() }
}
public final class FormRows: ReportRowSource {
    public init(name: String, rows: [RawReport]) { fatalError() }
    public var file: String { "" }
    public var isRefusedRows: Bool { false }
    public func next() throws(Diagnostic) -> RawReport? { nil }
}
public struct ImportSummary: Sendable, Equatable, Codable {
    public var source: String; public var stored: Int; public var corrected: Int; public var unchanged: Int; public var withdrawn: Int
    public var refused: [RefusedRow]; public var committed: Bool
    public struct RefusedRow: Sendable, Equatable, Codable { public var line: Int; public var problems: [String] }
}
extension ReportIngestor {
    public func ingest(_ source: some ReportRowSource, store: ReportStore) throws -> ImportSummary { fatalError() }
}
public struct StoredReport: Sendable, Hashable {
    public var ref: String?; public var date: CalendarDate; public var time: String?; public var area: String; public var indicator: String
    public var value: Int; public var place: String?; public var note: String?; public var ingestedAt: String
}
extension ReportStore {
    public func reports(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [StoredReport] { fatalError() }
    public func withdraw(kommun: String, reporter: String, ref: String, source: String, now: Date) throws { fatalError() }
    public func recordNothingToReport(kommun: String, reporter: String, period: Period, source: String, now: Date) throws { fatalError() }
}
