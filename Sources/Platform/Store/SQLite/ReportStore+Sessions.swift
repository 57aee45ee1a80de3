import Foundation
import GRDB

/// Sessions and invitations: secrets returned once, stored as their SHA-256.
extension ReportStore {
    public func createSession(accountID: Int64, secondFactorPending: Bool, now: Date, lifetime: TimeInterval) throws -> (token: String, session: Session) {
        let token = SecretToken.make(), csrf = SecretToken.make()
        let expiresAt = now.addingTimeInterval(lifetime)
        try write(accountID: accountID) { db in
            // Expired sessions are of no use to anyone: cleared as new ones are made.
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [Timestamp.text(now)])
            try db.execute(sql: """
                INSERT INTO sessions (token_hash, account_id, csrf_token, second_factor_pending, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [SecretToken.hash(token), accountID, csrf, secondFactorPending, Timestamp.text(now), Timestamp.text(expiresAt)])
        }
        guard let session = try session(token: token, now: now) else { throw AccountError.unknownAccount("#\(accountID)") }
        return (token, session)
    }

    public func session(token: String, now: Date) throws -> Session? {
        let found = try rows("""
            SELECT account_id, csrf_token, second_factor_pending, expires_at FROM sessions WHERE token_hash = ?
            """, [SecretToken.hash(token)]) { row in
            (account: row["account_id"] as Int64, csrf: row["csrf_token"] as String, pending: row["second_factor_pending"] as Bool,
             expires: Timestamp.date(row["expires_at"]))
        }.first
        guard let found, let expiresAt = found.expires, now < expiresAt,
              let account = try account(id: found.account), !account.disabled else { return nil }
        return Session(account: account, csrfToken: found.csrf, secondFactorPending: found.pending, expiresAt: expiresAt)
    }

    public func completeSecondFactor(token: String, now: Date) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE sessions SET second_factor_pending = 0 WHERE token_hash = ? AND expires_at > ?",
                           arguments: [SecretToken.hash(token), Timestamp.text(now)])
        }
    }

    public func endSession(token: String) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [SecretToken.hash(token)])
        }
    }

    public func invite(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> String {
        let token = SecretToken.make()
        try write(accountID: accountID) { db in
            try db.execute(sql: "DELETE FROM invitations WHERE account_id = ? AND used_at IS NULL", arguments: [accountID])
            try db.execute(sql: "INSERT INTO invitations (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [SecretToken.hash(token), accountID, Timestamp.text(now), Timestamp.text(now.addingTimeInterval(lifetime))])
        }
        return token
    }

    public func acceptInvitation(token: String, password: String, now: Date) throws -> Account {
        try PasswordRule.check(password)
        let hash = SecretToken.hash(token)
        let found = try rows("SELECT account_id, expires_at, used_at FROM invitations WHERE token_hash = ?", [hash]) { row in
            (account: row["account_id"] as Int64, expires: Timestamp.date(row["expires_at"]), used: row["used_at"] as String?)
        }.first
        guard let found, found.used == nil, let expires = found.expires, now < expires,
              let account = try account(id: found.account), !account.disabled else { throw AccountError.invitationInvalid }
        let passwordHash = try AccountRules.passwordHash(password, cost: passwordCost)
        try queue.inTransaction(.immediate) { db in
            // Used up in the same transaction that checks it is still unused: a link works once.
            try db.execute(sql: "UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                           arguments: [Timestamp.text(now), hash])
            guard db.changesCount == 1 else { throw AccountError.invitationInvalid }
            try db.execute(sql: "UPDATE accounts SET password_hash = ?, changed_at = ? WHERE id = ?",
                           arguments: [passwordHash, Timestamp.text(now), account.id])
            return .commit
        }
        return account
    }
}
