import Foundation
import GRDB
import Testing
@testable import Platform
import StoreTestSupport

/// Accounts in the store: passwords (bcrypt at cost 4 here), sessions, invitations, API tokens, calendar
/// secrets and the append-only audit log, all on an explicit clock.
@Suite("Account store")
struct AccountStoreTests {
    static let now = Timestamp.date("2026-11-24T12:00:00Z")!
    static let password = "demo-lösenord-2026"

    private func add(_ login: String, password: String? = AccountStoreTests.password, admin: Bool = false,
                     to store: some AccountStore) throws -> Account {
        try store.addAccount(login: login, name: "Namn \(login)", password: password, isAdmin: admin, now: Self.now)
    }

    /// Whether `secret` is stored as it is: in any table's text (every store), or for SQLite in any byte of
    /// the file on disk, the write-ahead log included.
    private func isStored(_ secret: String, in store: any PlatformStore & StoreTables) throws -> Bool {
        if try store.anyTableContains(secret) { return true }
        guard let sqlite = store as? ReportStore else { return false }
        let bytes = try [sqlite.path, sqlite.path + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
            .reduce(into: Data()) { $0 += try Data(contentsOf: URL(fileURLWithPath: $1)) }
        return bytes.range(of: Data(secret.utf8)) != nil
    }

    @Test(arguments: StoreKind.tested) func passwordsAreCheckedWithBcryptAndLoginsAreCaseInsensitive(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let kim = try add("Kim@Lysekil.se", to: store)
        #expect(kim.login == "kim@lysekil.se" && kim.name == "Namn Kim@Lysekil.se")
        #expect(try store.authenticate(login: "KIM@lysekil.se", password: Self.password)?.id == kim.id)
        #expect(try store.authenticate(login: "kim@lysekil.se", password: Self.password + " ") == nil)
        #expect(try store.authenticate(login: "ingen@lysekil.se", password: Self.password) == nil)
        let stored = try store.values(of: "password_hash", in: "accounts")
        #expect(stored.count == 1 && stored.allSatisfy { if case .text(let hash) = $0 { hash.hasPrefix("$2b$04$") } else { false } })
        #expect(try !isStored(Self.password, in: store), "the password itself is never stored")

        try store.setDisabled(true, accountID: kim.id, now: Self.now)
        #expect(try store.authenticate(login: "kim@lysekil.se", password: Self.password) == nil, "disabled")
        try store.setDisabled(false, accountID: kim.id, now: Self.now)
        #expect(try store.authenticate(login: "kim@lysekil.se", password: Self.password) != nil)

        #expect(throws: AccountError.loginTaken("kim@lysekil.se")) { try add(" KIM@lysekil.se ", to: store) }
        #expect(throws: AccountError.weakPassword("at least 12 characters are needed (a few words make a good one)")) {
            try add("kort", password: "elva tecken", to: store)
        }
        #expect(throws: AccountError.invalidLogin("no spaces or control characters")) { try add("kim berg", to: store) }
        #expect(try store.account(login: "kort") == nil, "nothing stored for a refused account")
        // Without a password (until an invitation is accepted) no password logs in.
        _ = try add("inbjuden", password: nil, to: store)
        #expect(try store.authenticate(login: "inbjuden", password: "") == nil)
        try store.setPassword("ett helt nytt lösenord", accountID: kim.id, now: Self.now)
        #expect(try store.authenticate(login: "kim@lysekil.se", password: Self.password) == nil)
        #expect(try store.authenticate(login: "kim@lysekil.se", password: "ett helt nytt lösenord") != nil)
    }

    @Test(arguments: StoreKind.tested) func sessionsExpireSurviveReopeningAndEndWhenTheAccountIsDisabled(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let kim = try add("kim", to: store)
        let (token, session) = try store.createSession(accountID: kim.id, secondFactorPending: true, now: Self.now, lifetime: 3600)
        #expect(session.account.id == kim.id && session.secondFactorPending && session.expiresAt == Self.now.addingTimeInterval(3600))
        #expect(session.csrfToken.count == 43 && token.count == 43 && session.csrfToken != token)
        // Stored, not in memory: a store opened again (a restarted server) knows the session.
        let reopened = try fresh.open()
        #expect(try reopened.session(token: token, now: Self.now.addingTimeInterval(3599))?.csrfToken == session.csrfToken)
        #expect(try store.session(token: token, now: Self.now.addingTimeInterval(3600)) == nil, "expired")
        #expect(try store.session(token: token + "x", now: Self.now) == nil, "unknown")
        #expect(try !isStored(token, in: store), "only the token's hash is stored")

        try store.completeSecondFactor(token: token, now: Self.now)
        #expect(try store.session(token: token, now: Self.now)?.secondFactorPending == false)
        let (other, _) = try store.createSession(accountID: kim.id, secondFactorPending: false, now: Self.now, lifetime: 3600)
        try store.endSession(token: other)
        #expect(try store.session(token: other, now: Self.now) == nil, "logged out")

        try store.setDisabled(true, accountID: kim.id, now: Self.now)
        #expect(try store.session(token: token, now: Self.now) == nil)
        try store.setDisabled(false, accountID: kim.id, now: Self.now)
        #expect(try store.session(token: token, now: Self.now) == nil, "disabling ended the session for good")
        #expect(throws: AccountError.unknownAccount("#999")) {
            try store.createSession(accountID: 999, secondFactorPending: false, now: Self.now, lifetime: 60)
        }
    }

    @Test(arguments: StoreKind.tested) func anInvitationWorksOnceAndExpires(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let kim = try add("kim", password: nil, to: store)
        let first = try store.invite(accountID: kim.id, now: Self.now, lifetime: 7 * 86400)
        let token = try store.invite(accountID: kim.id, now: Self.now, lifetime: 7 * 86400)
        #expect(throws: AccountError.invitationInvalid, "a new link replaces the old") {
            try store.acceptInvitation(token: first, password: Self.password, now: Self.now)
        }
        #expect(throws: AccountError.weakPassword("at least 12 characters are needed (a few words make a good one)")) {
            try store.acceptInvitation(token: token, password: "kort", now: Self.now)
        }
        #expect(throws: AccountError.invitationInvalid, "expired") {
            try store.acceptInvitation(token: token, password: Self.password, now: Self.now.addingTimeInterval(7 * 86400))
        }
        #expect(try store.acceptInvitation(token: token, password: Self.password, now: Self.now.addingTimeInterval(86400)).id == kim.id)
        #expect(try store.authenticate(login: "kim", password: Self.password)?.id == kim.id)
        #expect(throws: AccountError.invitationInvalid, "used") {
            try store.acceptInvitation(token: token, password: "ett annat lösenord", now: Self.now.addingTimeInterval(86400))
        }
        #expect(throws: AccountError.invitationInvalid) { try store.acceptInvitation(token: "okänd", password: Self.password, now: Self.now) }
        let disabled = try store.invite(accountID: kim.id, now: Self.now, lifetime: 60)
        try store.setDisabled(true, accountID: kim.id, now: Self.now)
        #expect(throws: AccountError.invitationInvalid) { try store.acceptInvitation(token: disabled, password: Self.password, now: Self.now) }
        #expect(try !isStored(token, in: store))
    }

    @Test(arguments: StoreKind.tested) func apiTokensAreStoredHashedAndStopWorkingWhenRevoked(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let (secret, token) = try store.addAPIToken(kommun: "lysekil", reporter: "polismyndigheten", name: "Polisens system", now: Self.now)
        let (other, _) = try store.addAPIToken(kommun: "tranemo", reporter: nil, name: "Tranemos system", now: Self.now)
        #expect(secret.count == 43 && secret != other)
        #expect(try store.apiToken(secret: secret, now: Self.now) == token)
        #expect(token.kommun == "lysekil" && token.reporter == "polismyndigheten" && token.createdAt == Self.now && token.revokedAt == nil)
        // The raw table holds the SHA-256, never the secret.
        #expect(try store.values(of: "secret_hash", in: "api_tokens").first == .text(SecretToken.hash(secret)))
        #expect(try !isStored(secret, in: store))

        #expect(throws: AccountError.unknownToken, "another kommun's token") {
            try store.revokeAPIToken(id: token.id, kommun: "tranemo", now: Self.now)
        }
        try store.revokeAPIToken(id: token.id, kommun: "lysekil", now: Self.now.addingTimeInterval(60))
        #expect(try store.apiToken(secret: secret, now: Self.now) == nil)
        #expect(try store.apiToken(secret: other, now: Self.now)?.kommun == "tranemo")
        #expect(try store.apiTokens(kommun: "lysekil").map(\.revokedAt) == [Self.now.addingTimeInterval(60)])
    }

    @Test(arguments: StoreKind.tested) func calendarSecretsArePerPersonAndKommunAndRevocable(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let kim = try add("kim", to: store)
        try store.grant(Membership(kommun: "lysekil", role: .reader), to: kim.id, now: Self.now)
        let secret = try store.calendarSecret(accountID: kim.id, kommun: "lysekil", now: Self.now)
        #expect(try store.calendarSecret(accountID: kim.id, kommun: "lysekil", now: Self.now) == secret, "the same link each time")
        #expect(try store.account(calendarSecret: secret).map { "\($0.0.login) \($0.kommun)" } == "kim lysekil")
        try store.revoke(kommun: "lysekil", from: kim.id, now: Self.now)
        #expect(try store.account(calendarSecret: secret) == nil, "no role there any more")
        try store.grant(Membership(kommun: "lysekil", role: .reader), to: kim.id, now: Self.now)
        try store.revokeCalendarSecret(accountID: kim.id, kommun: "lysekil")
        #expect(try store.account(calendarSecret: secret) == nil)
        #expect(try store.calendarSecret(accountID: kim.id, kommun: "lysekil", now: Self.now) != secret, "a new one after revoking")
    }

    @Test(arguments: StoreKind.tested) func rolesPerKommunAndTheAdminEverywhere(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let kim = try add("kim", to: store)
        try store.grant(Membership(kommun: "lysekil", role: .reporter, reporter: "polismyndigheten"), to: kim.id, now: Self.now)
        try store.grant(Membership(kommun: "tranemo", role: .reader), to: kim.id, now: Self.now)
        try store.grant(Membership(kommun: "tranemo", role: .coordinator), to: kim.id, now: Self.now)
        let account = try #require(try store.account(id: kim.id))
        #expect(account.memberships.map(\.summary) == ["lysekil: reporter (polismyndigheten)", "tranemo: coordinator"])
        #expect(account.role(in: "lysekil") == .reporter && account.reporter(in: "lysekil") == "polismyndigheten")
        #expect(account.role(in: "tranemo") == .coordinator && account.reporter(in: "tranemo") == nil && account.role(in: "kumla") == nil)
        let admin = try add("admin", admin: true, to: store)
        #expect(admin.role(in: "kumla") == .coordinator)
        #expect(Role.reporter < .reader && Role.reader < .coordinator)
        #expect(try store.accounts(kommun: "tranemo").map(\.login) == ["kim"])
        #expect(try store.accounts(kommun: nil).map(\.login) == ["admin", "kim"])
        #expect(throws: AccountError.self) { try store.grant(Membership(kommun: "lysekil", role: .reporter), to: kim.id, now: Self.now) }
        try store.setTOTPSecret("JBSWY3DPEHPK3PXP", accountID: kim.id, now: Self.now)
        #expect(try store.totpSecret(accountID: kim.id) == "JBSWY3DPEHPK3PXP" && store.account(id: kim.id)?.hasTOTP == true)
        try store.setTOTPSecret(nil, accountID: kim.id, now: Self.now)
        #expect(try store.totpSecret(accountID: kim.id) == nil)
    }

    @Test(arguments: StoreKind.tested) func theAuditLogIsAppendOnlyAndReadNewestFirst(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        for (minute, kommun) in [(0, "lysekil"), (1, nil), (2, "tranemo"), (3, "lysekil")] as [(Double, String?)] {
            try store.record(AuditEvent(at: Self.now.addingTimeInterval(minute * 60), kommun: kommun, actor: "cli", action: "user.grant",
                                        detail: "händelse \(Int(minute))"))
        }
        #expect(try store.auditLog(kommun: nil, limit: 10).map(\.detail) == ["händelse 3", "händelse 2", "händelse 1", "händelse 0"])
        #expect(try store.auditLog(kommun: "lysekil", limit: 10).map(\.detail) == ["händelse 3", "händelse 0"])
        #expect(try store.auditLog(kommun: nil, limit: 2).count == 2)
        // SQLite's triggers, by SQL on the file (the PostgreSQL store's own tests check its triggers).
        if kind == .sqlite {
            let sqlite = try #require(store as? ReportStore)
            #expect(throws: (any Error).self) { try sqlite.queue.write { try $0.execute(sql: "UPDATE audit_log SET detail = 'x'") } }
            #expect(throws: (any Error).self) { try sqlite.queue.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        }
        #expect(try store.auditLog(kommun: nil, limit: 10).count == 4)
    }
}
