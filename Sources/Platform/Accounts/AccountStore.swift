import Foundation

/// The accounts part of the store: accounts and their roles, sessions, invitations, API tokens, calendar
/// secrets and the audit log. `ReportStore` (SQLite) and the PostgreSQL store conform.
///
/// Secrets (session, invitation and API tokens) are returned once; only their SHA-256 is stored.
public protocol AccountStore: Sendable {
    // MARK: Accounts
    /// A new account; `password` nil: it must accept an invitation before it can log in.
    func addAccount(login: String, name: String, password: String?, isAdmin: Bool, now: Date) throws -> Account
    func account(id: Int64) throws -> Account?
    func account(login: String) throws -> Account?
    /// The accounts with a role in `kommun`, by login; nil: all.
    func accounts(kommun: String?) throws -> [Account]
    /// Gives the account `membership`, replacing any role it had in that kommun.
    func grant(_ membership: Membership, to accountID: Int64, now: Date) throws
    func revoke(kommun: String, from accountID: Int64, now: Date) throws
    /// Disabling ends the account's sessions.
    func setDisabled(_ disabled: Bool, accountID: Int64, now: Date) throws
    func setPassword(_ password: String, accountID: Int64, now: Date) throws
    /// bcrypt check; runs a bcrypt verify even for an unknown login (same time either way); disabled => nil.
    func authenticate(login: String, password: String) throws -> Account?
    /// A base32 TOTP secret; nil removes it.
    func setTOTPSecret(_ secret: String?, accountID: Int64, now: Date) throws
    func totpSecret(accountID: Int64) throws -> String?

    // MARK: Sessions (the token is returned once; only its SHA-256 is stored)
    func createSession(accountID: Int64, secondFactorPending: Bool, now: Date, lifetime: TimeInterval) throws -> (token: String, session: Session)
    /// nil when unknown, expired or the account is disabled.
    func session(token: String, now: Date) throws -> Session?
    func completeSecondFactor(token: String, now: Date) throws
    func endSession(token: String) throws

    // MARK: Invitations (a one-time link token that expires)
    /// A new invitation's token; the account's earlier unused invitations stop working.
    func invite(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> String
    /// Sets the password and uses up the invitation; throws `AccountError.invitationInvalid` when it is
    /// used, expired or unknown (or the account is disabled).
    func acceptInvitation(token: String, password: String, now: Date) throws -> Account

    // MARK: API tokens (the secret is returned once; stored hashed)
    func addAPIToken(kommun: String, reporter: String?, name: String, now: Date) throws -> (secret: String, token: APIToken)
    /// nil when unknown or revoked.
    func apiToken(secret: String, now: Date) throws -> APIToken?
    /// The kommun's tokens, revoked ones included, oldest first.
    func apiTokens(kommun: String) throws -> [APIToken]
    /// Throws `AccountError.unknownToken` when the kommun has no token `id`.
    func revokeAPIToken(id: Int64, kommun: String, now: Date) throws

    // MARK: Per-person calendar subscription (ICS) secret
    /// The account's secret for `kommun`'s calendar; creates one if none.
    func calendarSecret(accountID: Int64, kommun: String, now: Date) throws -> String
    /// The account and kommun a calendar secret belongs to; nil when unknown, revoked, the account disabled
    /// or no longer holding a role in that kommun.
    func account(calendarSecret: String) throws -> (Account, kommun: String)?
    func revokeCalendarSecret(accountID: Int64, kommun: String) throws

    // MARK: Audit log, append-only (triggers refuse UPDATE and DELETE)
    func record(_ event: AuditEvent) throws
    /// Newest first; `kommun` nil: all.
    func auditLog(kommun: String?, limit: Int) throws -> [AuditEvent]
}
