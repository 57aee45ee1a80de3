import Foundation
import GRDB

/// API tokens (stored as their SHA-256) and per-person calendar secrets.
extension ReportStore {
    public func addAPIToken(kommun: String, reporter: String?, name: String, now: Date) throws -> (secret: String, token: APIToken) {
        let secret = SecretToken.make()
        let id = try queue.write { db in
            try db.execute(sql: "INSERT INTO api_tokens (kommun, reporter, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [kommun, reporter, name, SecretToken.hash(secret), Timestamp.text(now)])
            return db.lastInsertedRowID
        }
        let created = Timestamp.date(Timestamp.text(now)) ?? now
        return (secret, APIToken(id: id, kommun: kommun, reporter: reporter, name: name, createdAt: created, revokedAt: nil))
    }

    public func apiToken(secret: String, now _: Date) throws -> APIToken? {
        try apiTokens(where: "secret_hash = ? AND revoked_at IS NULL", [SecretToken.hash(secret)]).first
    }

    public func apiTokens(kommun: String) throws -> [APIToken] {
        try apiTokens(where: "kommun = ?", [kommun])
    }

    public func revokeAPIToken(id: Int64, kommun: String, now: Date) throws {
        try queue.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM api_tokens WHERE id = ? AND kommun = ?", arguments: [id, kommun]) != nil else {
                throw AccountError.unknownToken
            }
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND kommun = ?",
                           arguments: [Timestamp.text(now), id, kommun])
        }
    }

    private func apiTokens(where condition: String, _ arguments: StatementArguments) throws -> [APIToken] {
        try rows("SELECT id, kommun, reporter, name, created_at, revoked_at FROM api_tokens WHERE \(condition) ORDER BY id", arguments) { row in
            guard let created = Timestamp.date(row["created_at"]) else { return nil }
            return APIToken(id: row["id"], kommun: row["kommun"], reporter: row["reporter"], name: row["name"], createdAt: created,
                            revokedAt: (row["revoked_at"] as String?).flatMap(Timestamp.date))
        }
    }

    public func calendarSecret(accountID: Int64, kommun: String, now: Date) throws -> String {
        let candidate = SecretToken.make()
        try write(accountID: accountID) { db in
            try db.execute(sql: "INSERT OR IGNORE INTO calendar_secrets (account_id, kommun, secret, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [accountID, kommun, candidate, Timestamp.text(now)])
        }
        return try rows("SELECT secret FROM calendar_secrets WHERE account_id = ? AND kommun = ?", [accountID, kommun]) {
            $0["secret"] as String
        }.first ?? candidate
    }

    public func account(calendarSecret: String) throws -> (Account, kommun: String)? {
        let found = try rows("SELECT account_id, kommun FROM calendar_secrets WHERE secret = ?", [calendarSecret]) {
            (account: $0["account_id"] as Int64, kommun: $0["kommun"] as String)
        }.first
        guard let found, let account = try account(id: found.account), !account.disabled,
              account.role(in: found.kommun) != nil else { return nil }
        return (account, found.kommun)
    }

    public func revokeCalendarSecret(accountID: Int64, kommun: String) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM calendar_secrets WHERE account_id = ? AND kommun = ?", arguments: [accountID, kommun])
        }
    }
}
