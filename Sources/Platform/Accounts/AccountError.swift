/// Why an account operation was refused. The messages never hold a password or a token.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    case loginTaken(String), unknownAccount(String), invitationInvalid, weakPassword(String), unknownToken
    /// A login that is empty, too long or holds spaces or control characters.
    case invalidLogin(String)
    /// Memberships that do not fit their kommun's file (unknown reporter, a reporter role without one, …).
    case invalidMembership([String])
    /// What a kommun's coordinator may not do (another kommun's roles, an admin, an account that also holds
    /// roles elsewhere).
    case notPermitted(String)

    public var description: String {
        switch self {
        case .loginTaken(let login): "login: an account '\(login)' already exists"
        case .unknownAccount(let login): "login: no account '\(login)'"
        case .invitationInvalid: "the invitation link is unknown, already used or expired: ask for a new one"
        case .weakPassword(let reason): "password: \(reason)"
        case .unknownToken: "no such API token in this kommun"
        case .invalidLogin(let reason): "login: \(reason)"
        case .invalidMembership(let problems): problems.joined(separator: "\n")
        case .notPermitted(let reason): reason
        }
    }
}
