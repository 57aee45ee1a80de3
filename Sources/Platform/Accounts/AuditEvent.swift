import Foundation

/// One line of the append-only audit log: who did what, when, in which kommun.
public struct AuditEvent: Sendable, Hashable {
    public var at: Date
    /// nil: platform-wide (admin actions, logins).
    public var kommun: String?
    /// A login, `token:<id>`, or `cli`.
    public var actor: String
    /// e.g. `login`, `login-failed`, `logout`, `report.submit`, `report.correct`, `report.withdraw`, `ingest`,
    /// `user.add`, `user.grant`, `user.revoke`, `user.disable`, `user.enable`, `user.invite`, `user.password`,
    /// `token.add`, `token.revoke`, `status.set`, `intervention.decide`.
    public var action: String
    /// Short; never personal data from reports, never a password or a token.
    public var detail: String

    public init(at: Date, kommun: String?, actor: String, action: String, detail: String) {
        self.at = at
        self.kommun = kommun
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}
