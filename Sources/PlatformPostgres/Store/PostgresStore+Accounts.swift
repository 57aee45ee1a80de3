import Foundation
import Platform

/// Accounts and their roles (`AccountStore`), as `ReportStore+Accounts.swift` does on SQLite. Accounts are
/// platform-wide: their transactions run with `app.kommun` `*`, so that an account's roles in every kommun
/// are seen (the memberships table is row-level secured like every kommun table).
extension PostgresStore {
    public func addAccount(login: String, name: String, password: String?, isAdmin: Bool, now: Date) throws -> Account {
        let login = try AccountRules.checkedLogin(login)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let hash = try password.map { try AccountRules.passwordHash($0, cost: passwordCost) }
        do {
            try bridge.transaction(kommun: "*") { transaction in
                if try transaction.queryFirst("SELECT 1 AS found FROM accounts WHERE login = $1", [.text(login)]) != nil {
                    throw AccountError.loginTaken(login)
                }
                try transaction.execute("""
                    INSERT INTO accounts (login, name, password_hash, is_admin, disabled, created_at, changed_at)
                    VALUES ($1, $2, $3, $4, 0, $5, $5)
                    """, [.text(login), .text(name.isEmpty ? login : name), PostgresValue(hash), .int(isAdmin ? 1 : 0),
                          .text(Timestamp.text(now))])
            }
        } catch let error as PostgresStoreError where error.isUniqueViolation {
            // Another server added the same login between the check and the insert.
            throw AccountError.loginTaken(login)
        }
        guard let account = try account(login: login) else { throw AccountError.unknownAccount(login) }
        return account
    }

    public func account(id: Int64) throws -> Account? {
        try accountRows(where: "id = $1", [.int(id)]).first
    }

    public func account(login: String) throws -> Account? {
        try accountRows(where: "login = $1", [.text(Account.normalizedLogin(login))]).first
    }

    public func accounts(kommun: String?) throws -> [Account] {
        guard let kommun else { return try accountRows(where: "true", []) }
        return try accountRows(where: "id IN (SELECT account_id FROM memberships WHERE kommun = $1)", [.text(kommun)])
    }

    public func grant(_ membership: Membership, to accountID: Int64, now: Date) throws {
        try AccountRules.checkBinding(membership)
        try writeAccount(accountID) { transaction in
            try transaction.execute("""
                INSERT INTO memberships (account_id, kommun, role, reporter, granted_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (account_id, kommun) DO UPDATE
                SET role = EXCLUDED.role, reporter = EXCLUDED.reporter, granted_at = EXCLUDED.granted_at
                """, [.int(accountID), .text(membership.kommun), .text(membership.role.rawValue), PostgresValue(membership.reporter),
                      .text(Timestamp.text(now))])
            try Self.touch(accountID, now, transaction)
        }
    }

    public func revoke(kommun: String, from accountID: Int64, now: Date) throws {
        try writeAccount(accountID) { transaction in
            try transaction.execute("DELETE FROM memberships WHERE account_id = $1 AND kommun = $2", [.int(accountID), .text(kommun)])
            try Self.touch(accountID, now, transaction)
        }
    }

    public func setDisabled(_ disabled: Bool, accountID: Int64, now: Date) throws {
        try writeAccount(accountID) { transaction in
            try transaction.execute("UPDATE accounts SET disabled = $1, changed_at = $2 WHERE id = $3",
                                    [.int(disabled ? 1 : 0), .text(Timestamp.text(now)), .int(accountID)])
            if disabled {
                try transaction.execute("DELETE FROM sessions WHERE account_id = $1", [.int(accountID)])
            }
        }
    }

    public func setPassword(_ password: String, accountID: Int64, now: Date) throws {
        let hash = try AccountRules.passwordHash(password, cost: passwordCost)
        try writeAccount(accountID) { transaction in
            try transaction.execute("UPDATE accounts SET password_hash = $1, changed_at = $2 WHERE id = $3",
                                    [.text(hash), .text(Timestamp.text(now)), .int(accountID)])
        }
    }

    public func authenticate(login: String, password: String) throws -> Account? {
        let login = Account.normalizedLogin(login)
        let row = try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            try transaction.queryFirst("SELECT id, password_hash, disabled FROM accounts WHERE login = $1", [.text(login)]).map { row in
                (id: try row.int64("id"), hash: try row.optionalText("password_hash"), disabled: try row.bool("disabled"))
            }
        }
        // Verified even for an unknown login (the same bcrypt work), so the time taken does not tell whether it exists.
        guard AccountRules.verify(password, hash: row?.hash, cost: passwordCost), let row, !row.disabled else { return nil }
        return try account(id: row.id)
    }

    public func setTOTPSecret(_ secret: String?, accountID: Int64, now: Date) throws {
        try writeAccount(accountID) { transaction in
            try transaction.execute("UPDATE accounts SET totp_secret = $1, changed_at = $2 WHERE id = $3",
                                    [PostgresValue(secret), .text(Timestamp.text(now)), .int(accountID)])
        }
    }

    public func totpSecret(accountID: Int64) throws -> String? {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            try transaction.queryFirst("SELECT totp_secret FROM accounts WHERE id = $1", [.int(accountID)])?.optionalText("totp_secret")
        }
    }

    // MARK: Helpers

    /// The accounts `condition` selects, with their memberships, by login (in byte order, as on SQLite).
    func accountRows(where condition: String, _ binds: [PostgresValue]) throws -> [Account] {
        try bridge.transaction(kommun: "*", readOnly: true) { transaction in
            try Self.accountRows(where: condition, binds, transaction)
        }
    }

    /// The accounts `condition` selects, read in `transaction` (whose `app.kommun` must be `*`).
    static func accountRows(where condition: String, _ binds: [PostgresValue], _ transaction: PostgresTransaction) throws -> [Account] {
        let accounts = try transaction.query("""
            SELECT id, login, name, is_admin, disabled, totp_secret IS NOT NULL AS has_totp FROM accounts
            WHERE \(condition) ORDER BY login COLLATE "C"
            """, binds)
        let ids = try accounts.map { try $0.int64("id") }
        guard !ids.isEmpty else { return [] }
        var memberships: [Int64: [Membership]] = [:]
        let placeholders = (1...ids.count).map { "$\($0)" }.joined(separator: ", ")
        for row in try transaction.query("""
            SELECT account_id, kommun, role, reporter FROM memberships WHERE account_id IN (\(placeholders)) ORDER BY kommun COLLATE "C"
            """, ids.map(PostgresValue.int)) {
            guard let role = Role(rawValue: try row.text("role")) else { continue }
            memberships[try row.int64("account_id"), default: []].append(
                Membership(kommun: try row.text("kommun"), role: role, reporter: try row.optionalText("reporter")))
        }
        return try accounts.map { row in
            let id = try row.int64("id")
            return Account(id: id, login: try row.text("login"), name: try row.text("name"), isAdmin: try row.bool("is_admin"),
                           disabled: try row.bool("disabled"), memberships: memberships[id] ?? [], hasTOTP: try row.bool("has_totp"))
        }
    }

    /// Runs `body` in a platform-wide write transaction after checking that account `accountID` exists.
    func writeAccount(_ accountID: Int64, _ body: (PostgresTransaction) throws -> Void) throws {
        try bridge.transaction(kommun: "*") { transaction in
            try Self.checkAccount(accountID, transaction)
            try body(transaction)
        }
    }

    /// Throws `AccountError.unknownAccount` unless account `accountID` exists (the accounts table is not
    /// row-level secured: any transaction sees it).
    static func checkAccount(_ accountID: Int64, _ transaction: PostgresTransaction) throws {
        guard try transaction.queryFirst("SELECT 1 AS found FROM accounts WHERE id = $1", [.int(accountID)]) != nil else {
            throw AccountError.unknownAccount("#\(accountID)")
        }
    }

    /// Marks the account changed at `now`.
    private static func touch(_ accountID: Int64, _ now: Date, _ transaction: PostgresTransaction) throws {
        try transaction.execute("UPDATE accounts SET changed_at = $1 WHERE id = $2", [.text(Timestamp.text(now)), .int(accountID)])
    }
}
