import Foundation
import HummingbirdBcrypt

/// The account rules every `AccountStore` applies alike: a login's form, a membership's reporter binding, and
/// the bcrypt work on passwords (the hash, its check, and the same check for a login that does not exist).
public enum AccountRules {
    /// `login` normalized (trimmed, lower-cased), or `AccountError.invalidLogin`.
    public static func checkedLogin(_ login: String) throws(AccountError) -> String {
        let login = Account.normalizedLogin(login)
        if login.isEmpty { throw .invalidLogin("empty") }
        if login.count > 254 { throw .invalidLogin("at most 254 characters") }
        if login.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) || CharacterSet.controlCharacters.contains($0) }) {
            throw .invalidLogin("no spaces or control characters")
        }
        return login
    }

    /// A reporter, and only a reporter, is bound to a reporter organisation (`AccountError.invalidMembership`).
    public static func checkBinding(_ membership: Membership) throws(AccountError) {
        guard (membership.role == .reporter) == (membership.reporter != nil) else {
            throw .invalidMembership(["reporter: a reporter, and only a reporter, is bound to a reporter organisation"])
        }
    }

    /// The bcrypt hash at `cost` of `password`, once it passes `PasswordRule`.
    public static func passwordHash(_ password: String, cost: UInt8) throws -> String {
        try PasswordRule.check(password)
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches the bcrypt `hash`. With no hash (an unknown login, or an account that has
    /// not set a password) the same bcrypt work is done against a hash at `cost` that nothing matches, so the
    /// time taken does not tell whether the login exists; then false.
    public static func verify(_ password: String, hash: String?, cost: UInt8) -> Bool {
        guard let hash else {
            _ = Bcrypt.verify(password, hash: unmatchableHash(cost: cost))
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// A well-formed bcrypt hash at `cost` that no password matches (its salt and digest from a hash of a
    /// random text).
    private static func unmatchableHash(cost: UInt8) -> String {
        let parts = unmatchableSample.split(separator: "$", omittingEmptySubsequences: false)
        return "$\(parts[1])$\(String(format: "%02d", cost))$\(parts[3])"
    }

    private static let unmatchableSample = Bcrypt.hash(SecretToken.make(), cost: 4)
}
