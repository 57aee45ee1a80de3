import Foundation
import GRDB

extension ReportStore: AccountStore {
    public func addAccount(login: String, name: String, password: String?, isAdmin: Bool, now: Date) throws -> Account {
        let login = try AccountRules.checkedLogin(login)
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let hash = try password.map { try AccountRules.passwordHash($0, cost: passwordCost) }
        try queue.inTransaction(.immediate) { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE login = ?", arguments: [login]) != nil {
                throw AccountError.loginTaken(login)
            }
            try db.execute(sql: """
                INSERT INTO accounts (login, name, password_hash, is_admin, disabled, created_at, changed_at)
                VALUES (?, ?, ?, ?, 0, ?, ?)
                """, arguments: [login, name.isEmpty ? login : name, hash, isAdmin, Timestamp.text(now), Timestamp.text(now)])
            return .commit
        }
        guard let account = try account(login: login) else { throw AccountError.unknownAccount(login) }
        return account
    }

    public func account(id: Int64) throws -> Account? {
        try accounts(where: "id = ?", [id]).first
    }

    public func account(login: String) throws -> Account? {
        try accounts(where: "login = ?", [Account.normalizedLogin(login)]).first
    }

    public func accounts(kommun: String?) throws -> [Account] {
        guard let kommun else { return try accounts(where: "1", []) }
        return try accounts(where: "id IN (SELECT account_id FROM memberships WHERE kommun = ?)", [kommun])
    }

    public func grant(_ membership: Membership, to accountID: Int64, now: Date) throws {
        try AccountRules.checkBinding(membership)
        try write(accountID: accountID) { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO memberships (account_id, kommun, role, reporter, granted_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [accountID, membership.kommun, membership.role.rawValue, membership.reporter, Timestamp.text(now)])
            try Self.touch(accountID, now, db)
        }
    }

    public func revoke(kommun: String, from accountID: Int64, now: Date) throws {
        try write(accountID: accountID) { db in
            try db.execute(sql: "DELETE FROM memberships WHERE account_id = ? AND kommun = ?", arguments: [accountID, kommun])
            try Self.touch(accountID, now, db)
        }
    }

    public func setDisabled(_ disabled: Bool, accountID: Int64, now: Date) throws {
        try write(accountID: accountID) { db in
            try db.execute(sql: "UPDATE accounts SET disabled = ?, changed_at = ? WHERE id = ?",
                           arguments: [disabled, Timestamp.text(now), accountID])
            if disabled {
                try db.execute(sql: "DELETE FROM sessions WHERE account_id = ?", arguments: [accountID])
            }
        }
    }

    public func setPassword(_ password: String, accountID: Int64, now: Date) throws {
        let hash = try AccountRules.passwordHash(password, cost: passwordCost)
        try write(accountID: accountID) { db in
            try db.execute(sql: "UPDATE accounts SET password_hash = ?, changed_at = ? WHERE id = ?",
                           arguments: [hash, Timestamp.text(now), accountID])
        }
    }

    public func authenticate(login: String, password: String) throws -> Account? {
        let login = Account.normalizedLogin(login)
        let row = try rows("SELECT id, password_hash, disabled FROM accounts WHERE login = ?", [login]) { row in
            (id: row["id"] as Int64, hash: row["password_hash"] as String?, disabled: row["disabled"] as Bool)
        }.first
        // Verified even for an unknown login (the same bcrypt work), so the time taken does not tell whether it exists.
        guard AccountRules.verify(password, hash: row?.hash, cost: passwordCost), let row, !row.disabled else { return nil }
        return try account(id: row.id)
    }

    public func setTOTPSecret(_ secret: String?, accountID: Int64, now: Date) throws {
        try write(accountID: accountID) { db in
            try db.execute(sql: "UPDATE accounts SET totp_secret = ?, changed_at = ? WHERE id = ?",
                           arguments: [secret, Timestamp.text(now), accountID])
        }
    }

    public func totpSecret(accountID: Int64) throws -> String? {
        try rows("SELECT totp_secret FROM accounts WHERE id = ?", [accountID]) { $0["totp_secret"] as String? }.first ?? nil
    }

    // MARK: Helpers

    /// The accounts `condition` selects, with their memberships, by login.
    func accounts(where condition: String, _ arguments: StatementArguments) throws -> [Account] {
        try queue.read { db in
            let accounts = try Row.fetchAll(db, sql: """
                SELECT id, login, name, is_admin, disabled, totp_secret IS NOT NULL AS has_totp FROM accounts
                WHERE \(condition) ORDER BY login
                """, arguments: arguments)
            let ids = accounts.map { $0["id"] as Int64 }
            guard !ids.isEmpty else { return [] }
            var memberships: [Int64: [Membership]] = [:]
            let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: """
                SELECT account_id, kommun, role, reporter FROM memberships WHERE account_id IN (\(placeholders)) ORDER BY kommun
                """, arguments: StatementArguments(ids)) {
                guard let role = Role(rawValue: row["role"]) else { continue }
                memberships[row["account_id"], default: []].append(Membership(kommun: row["kommun"], role: role, reporter: row["reporter"]))
            }
            return accounts.map { row in
                let id: Int64 = row["id"]
                return Account(id: id, login: row["login"], name: row["name"], isAdmin: row["is_admin"], disabled: row["disabled"],
                               memberships: memberships[id] ?? [], hasTOTP: row["has_totp"])
            }
        }
    }

    /// Runs `body` in a write transaction after checking that account `accountID` exists.
    func write(accountID: Int64, _ body: (Database) throws -> Void) throws {
        try queue.inTransaction(.immediate) { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE id = ?", arguments: [accountID]) != nil else {
                throw AccountError.unknownAccount("#\(accountID)")
            }
            try body(db)
            return .commit
        }
    }

    /// Marks the account changed at `now`.
    private static func touch(_ accountID: Int64, _ now: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE accounts SET changed_at = ? WHERE id = ?", arguments: [Timestamp.text(now), accountID])
    }
}
