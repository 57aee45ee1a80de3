import Foundation
import Platform

/// API tokens (stored as their SHA-256) and per-person calendar secrets (`AccountStore`), as
/// `ReportStore+APITokens.swift` does on SQLite. Both are rows of one kommun, written and listed with that
/// kommun set; a lookup by secret comes before the kommun is known and runs platform-wide (`*`).
extension PostgresStore {
    public func addAPIToken(kommun: String, reporter: String?, name: String, now: Date) throws -> (secret: String, token: APIToken) {
        let secret = SecretToken.make()
        let id = try bridge.transaction(kommun: kommun) { transaction in
            try transaction.queryFirst("""
                INSERT INTO api_tokens (kommun, reporter, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, [.text(kommun), PostgresValue(reporter), .text(name), .text(SecretToken.hash(secret)), .text(Timestamp.text(now))])?
                .int64("id")
        }
        guard let id else { throw PostgresStoreError(message: "an API token's insert returned no id") }
        let created = Timestamp.date(Timestamp.text(now)) ?? now
        return (secret, APIToken(id: id, kommun: kommun, reporter: reporter, name: name, createdAt: created, revokedAt: nil))
    }

    public func apiToken(secret: String, now _: Date) throws -> APIToken? {
        try apiTokens(kommun: "*", where: "secret_hash = $1 AND revoked_at IS NULL", [.text(SecretToken.hash(secret))]).first
    }

    public func apiTokens(kommun: String) throws -> [APIToken] {
        try apiTokens(kommun: kommun, where: "kommun = $1", [.text(kommun)])
    }

    public func revokeAPIToken(id: Int64, kommun: String, now: Date) throws {
        try bridge.transaction(kommun: kommun) { transaction in
            guard try transaction.queryFirst("SELECT 1 AS found FROM api_tokens WHERE id = $1 AND kommun = $2", [.int(id), .text(kommun)]) != nil else {
                throw AccountError.unknownToken
            }
            try transaction.execute("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2 AND kommun = $3",
                                    [.text(Timestamp.text(now)), .int(id), .text(kommun)])
        }
    }

    /// The tokens `condition` selects, oldest first, read with `app.kommun` `kommun`.
    private func apiTokens(kommun: String, where condition: String, _ binds: [PostgresValue]) throws -> [APIToken] {
        try bridge.transaction(kommun: kommun, readOnly: true) { transaction in
            try transaction.query("SELECT id, kommun, reporter, name, created_at, revoked_at FROM api_tokens WHERE \(condition) ORDER BY id",
                                  binds).compactMap { row in
                guard let created = Timestamp.date(try row.text("created_at")) else { return nil }
                return APIToken(id: try row.int64("id"), kommun: try row.text("kommun"), reporter: try row.optionalText("reporter"),
                                name: try row.text("name"), createdAt: created,
                                revokedAt: try row.optionalText("revoked_at").flatMap(Timestamp.date))
            }
        }
    }

    public func calendarSecret(accountID: Int64, kommun: String, now: Date) throws -> String {
        let candidate = SecretToken.make()
        return try bridge.transaction(kommun: kommun) { transaction in
            try Self.checkAccount(accountID, transaction)
            try transaction.execute("""
                INSERT INTO calendar_secrets (account_id, kommun, secret, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
                """, [.int(accountID), .text(kommun), .text(candidate), .text(Timestamp.text(now))])
            return try transaction.queryFirst("SELECT secret FROM calendar_secrets WHERE account_id = $1 AND kommun = $2",
                                              [.int(accountID), .text(kommun)])?.text("secret") ?? candidate
        }
    }

    public func account(calendarSecret: String) throws -> (Account, kommun: String)? {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            guard let row = try transaction.queryFirst("SELECT account_id, kommun FROM calendar_secrets WHERE secret = $1", [.text(calendarSecret)]),
                  let account = try Self.accountRows(where: "id = $1", [.int(try row.int64("account_id"))], transaction).first,
                  !account.disabled else { return nil }
            let kommun = try row.text("kommun")
            guard account.role(in: kommun) != nil else { return nil }
            return (account, kommun)
        }
    }

    public func revokeCalendarSecret(accountID: Int64, kommun: String) throws {
        try bridge.transaction(kommun: kommun) { transaction in
            try transaction.execute("DELETE FROM calendar_secrets WHERE account_id = $1 AND kommun = $2", [.int(accountID), .text(kommun)])
        }
    }
}
