import Foundation

/// A logged-in browser: the account, its CSRF token and whether the second factor is still to give.
public struct Session: Sendable {
    public var account: Account
    /// Random, per session, compared in constant time by the server.
    public var csrfToken: String
    /// Logged in by password, TOTP still to give.
    public var secondFactorPending: Bool
    public var expiresAt: Date

    public init(account: Account, csrfToken: String, secondFactorPending: Bool, expiresAt: Date) {
        self.account = account
        self.csrfToken = csrfToken
        self.secondFactorPending = secondFactorPending
        self.expiresAt = expiresAt
    }
}
