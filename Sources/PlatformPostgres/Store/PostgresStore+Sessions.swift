import Foundation
import Platform

/// Sessions and invitations (`AccountStore`), as `ReportStore+Sessions.swift` does on SQLite: secrets returned
/// once, stored as their SHA-256. Platform-wide (`app.kommun` `*`): a session is looked up before its kommun
/// is known.
extension PostgresStore {
    public func createSession(accountID: Int64, secondFactorPending: Bool, now: Date, lifetime: TimeInterval) throws -> (token: String, session: Session) {
        let token = SecretToken.make(), csrf = SecretToken.make()
        let expiresAt = now.addingTimeInterval(lifetime)
        try writeAccount(accountID) { transaction in
            // Expired sessions are of no use to anyone: cleared as new ones are made.
            try transaction.execute(#"DELETE FROM sessions WHERE expires_at <= $1 COLLATE "C""#, [.text(Timestamp.text(now))])
            try transaction.execute("""
                INSERT INTO sessions (token_hash, account_id, csrf_token, second_factor_pending, created_at, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                """, [.text(SecretToken.hash(token)), .int(accountID), .text(csrf), .int(secondFactorPending ? 1 : 0),
                      .text(Timestamp.text(now)), .text(Timestamp.text(expiresAt))])
        }
        guard let session = try session(token: token, now: now) else { throw AccountError.unknownAccount("#\(accountID)") }
        return (token, session)
    }

    public func session(token: String, now: Date) throws -> Session? {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            guard let row = try transaction.queryFirst("""
                SELECT account_id, csrf_token, second_factor_pending, expires_at FROM sessions WHERE token_hash = $1
                """, [.text(SecretToken.hash(token))]),
                let expiresAt = Timestamp.date(try row.text("expires_at")), now < expiresAt,
                let account = try Self.accountRows(where: "id = $1", [.int(try row.int64("account_id"))], transaction).first,
                !account.disabled else { return nil }
            return Session(account: account, csrfToken: try row.text("csrf_token"), secondFactorPending: try row.bool("second_factor_pending"),
                           expiresAt: expiresAt)
        }
    }

    public func completeSecondFactor(token: String, now: Date) throws {
        try bridge.transaction(kommun: "*") { transaction in
            try transaction.execute(#"UPDATE sessions SET second_factor_pending = 0 WHERE token_hash = $1 AND expires_at > $2 COLLATE "C""#,
                                    [.text(SecretToken.hash(token)), .text(Timestamp.text(now))])
        }
    }

    public func endSession(token: String) throws {
        try bridge.transaction(kommun: "*") { transaction in
            try transaction.execute("DELETE FROM sessions WHERE token_hash = $1", [.text(SecretToken.hash(token))])
        }
    }

    public func invite(accountID: Int64, now: Date, lifetime: TimeInterval) throws -> String {
        let token = SecretToken.make()
        try writeAccount(accountID) { transaction in
            try transaction.execute("DELETE FROM invitations WHERE account_id = $1 AND used_at IS NULL", [.int(accountID)])
            try transaction.execute("INSERT INTO invitations (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                                    [.text(SecretToken.hash(token)), .int(accountID), .text(Timestamp.text(now)),
                                     .text(Timestamp.text(now.addingTimeInterval(lifetime)))])
        }
        return token
    }

    public func acceptInvitation(token: String, password: String, now: Date) throws -> Account {
        try PasswordRule.check(password)
        let hash = SecretToken.hash(token)
        let account = try bridge.transaction(kommun: "*", readOnly: true) { transaction -> Account? in
            guard let row = try transaction.queryFirst("SELECT account_id, expires_at, used_at FROM invitations WHERE token_hash = $1",
                                                       [.text(hash)]),
                try row.optionalText("used_at") == nil, let expires = Timestamp.date(try row.text("expires_at")), now < expires else { return nil }
            return try Self.accountRows(where: "id = $1", [.int(try row.int64("account_id"))], transaction).first
        }
        guard let account, !account.disabled else { throw AccountError.invitationInvalid }
        let passwordHash = try AccountRules.passwordHash(password, cost: passwordCost)
        try bridge.transaction(kommun: "*") { transaction in
            // Used up in the same transaction that checks it is still unused: a link works once.
            let used = try transaction.execute("UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
                                               [.text(Timestamp.text(now)), .text(hash)])
            guard used == 1 else { throw AccountError.invitationInvalid }
            try transaction.execute("UPDATE accounts SET password_hash = $1, changed_at = $2 WHERE id = $3",
                                    [.text(passwordHash), .text(Timestamp.text(now)), .int(account.id)])
        }
        return account
    }
}
