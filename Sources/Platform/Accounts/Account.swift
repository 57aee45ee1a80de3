import Foundation

/// A person who logs in: a login, a display name, roles per kommun, and whether they are the platform admin.
public struct Account: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Lower-cased e-mail or user name, unique.
    public var login: String
    /// The display name.
    public var name: String
    /// Platform admin: every kommun, as coordinator, plus user admin everywhere.
    public var isAdmin: Bool
    public var disabled: Bool
    /// At most one per kommun, sorted by kommun.
    public var memberships: [Membership]
    /// Whether a TOTP second factor is set up.
    public var hasTOTP: Bool

    public init(id: Int64, login: String, name: String, isAdmin: Bool, disabled: Bool, memberships: [Membership], hasTOTP: Bool) {
        self.id = id
        self.login = login
        self.name = name
        self.isAdmin = isAdmin
        self.disabled = disabled
        self.memberships = memberships
        self.hasTOTP = hasTOTP
    }

    /// The role in `kommun` (nil: none). Admin counts as coordinator everywhere.
    public func role(in kommun: String) -> Role? {
        if isAdmin { return .coordinator }
        return memberships.first { $0.kommun == kommun }?.role
    }

    /// The reporter organisation the account reports for in `kommun` (nil: it is not a reporter there).
    public func reporter(in kommun: String) -> String? {
        memberships.first { $0.kommun == kommun && $0.role == .reporter }?.reporter
    }

    /// The normal form of a login: trimmed and lower-cased (logins are case-insensitive).
    public static func normalizedLogin(_ login: String) -> String {
        login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
