import Foundation
import Platform
import Testing

/// Accounts, sessions, invitations, API tokens, calendar secrets and the audit log: the same calls on SQLite
/// and on PostgreSQL give the same results, in the same order, with the same errors.
@Suite("Account store parity")
struct AccountParityTests {
    static let now = Timestamp.date("2026-11-24T12:00:00Z")!
    static let password = "demo-lösenord-2026"

    static func at(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(seconds) }

    /// A session as compared: everything but its random CSRF token (of which only the length).
    static func shown(_ session: Session?) -> String {
        guard let session else { return "none" }
        return "\(session.account) pending \(session.secondFactorPending) until \(session.expiresAt) csrf \(session.csrfToken.count)"
    }

    @Test func accountsMembershipsAndPasswords() throws {
        let lines = try expectParity { store, t in
            let now = Self.now, password = Self.password
            let kim = t.note("add kim") { try store.addAccount(login: " Kim@Lysekil.se ", name: " Kim Berg ", password: password, isAdmin: false, now: now) }
            t.note("add admin") { try store.addAccount(login: "admin", name: "", password: password, isAdmin: true, now: now) }
            // Logins whose byte order differs from a language's (å after ä in bytes, before it in Swedish).
            for login in ["åsa", "älg", "Zed", "_under", "bo"] {
                t.note("add \(login)") { try store.addAccount(login: login, name: login, password: nil, isAdmin: false, now: now) }
            }
            t.note("add taken") { try store.addAccount(login: "KIM@lysekil.se", name: "", password: password, isAdmin: false, now: now) }
            t.note("add weak") { try store.addAccount(login: "kort", name: "", password: "elva tecken", isAdmin: false, now: now) }
            t.note("add spaced") { try store.addAccount(login: "kim berg", name: "", password: nil, isAdmin: false, now: now) }
            t.note("add empty") { try store.addAccount(login: "  ", name: "", password: nil, isAdmin: false, now: now) }
            guard let kim else { return }

            t.note("grant reporter") { try store.grant(Membership(kommun: "lysekil", role: .reporter, reporter: "polisen"), to: kim.id, now: Self.at(60)) }
            t.note("grant reader") { try store.grant(Membership(kommun: "tranemo", role: .reader), to: kim.id, now: now) }
            t.note("grant ärla") { try store.grant(Membership(kommun: "ärla", role: .coordinator), to: kim.id, now: now) }
            t.note("grant bound reader") { try store.grant(Membership(kommun: "tranemo", role: .reader, reporter: "polisen"), to: kim.id, now: now) }
            t.note("grant unbound reporter") { try store.grant(Membership(kommun: "tranemo", role: .reporter), to: kim.id, now: now) }
            t.note("grant unknown") { try store.grant(Membership(kommun: "tranemo", role: .reader), to: 999, now: now) }
            t.note("grant åsa") { try store.grant(Membership(kommun: "lysekil", role: .reader), to: kim.id + 2, now: now) }
            t.note("all") { try store.accounts(kommun: nil) }
            t.note("lysekil") { try store.accounts(kommun: "lysekil") }
            t.note("tranemo") { try store.accounts(kommun: "tranemo") }
            t.note("nowhere") { try store.accounts(kommun: "nowhere") }
            t.note("replace role") { try store.grant(Membership(kommun: "lysekil", role: .coordinator), to: kim.id, now: now) }
            t.note("revoke tranemo") { try store.revoke(kommun: "tranemo", from: kim.id, now: now) }
            t.note("revoke unknown") { try store.revoke(kommun: "tranemo", from: 999, now: now) }
            t.note("by id") { try store.account(id: kim.id) }
            t.note("by login") { try store.account(login: " KIM@LYSEKIL.SE") }
            t.note("no id") { try store.account(id: 999) }
            t.note("no login") { try store.account(login: "ingen") }

            t.note("right") { try store.authenticate(login: "KIM@lysekil.se", password: password)?.id }
            t.note("wrong") { try store.authenticate(login: "kim@lysekil.se", password: password + " ") }
            t.note("unknown") { try store.authenticate(login: "ingen", password: password) }
            t.note("no password") { try store.authenticate(login: "bo", password: "") }
            t.note("disable") { try store.setDisabled(true, accountID: kim.id, now: now) }
            t.note("disabled") { try store.authenticate(login: "kim@lysekil.se", password: password) }
            t.note("disabled account") { try store.account(id: kim.id) }
            t.note("enable") { try store.setDisabled(false, accountID: kim.id, now: now) }
            t.note("enabled") { try store.authenticate(login: "kim@lysekil.se", password: password)?.login }
            t.note("disable unknown") { try store.setDisabled(true, accountID: 999, now: now) }
            t.note("weak password") { try store.setPassword("kort", accountID: kim.id, now: now) }
            t.note("new password") { try store.setPassword("ett helt nytt lösenord", accountID: kim.id, now: now) }
            t.note("password unknown") { try store.setPassword("ett helt nytt lösenord", accountID: 999, now: now) }
            t.note("old") { try store.authenticate(login: "kim@lysekil.se", password: password) }
            t.note("new") { try store.authenticate(login: "kim@lysekil.se", password: "ett helt nytt lösenord")?.id }

            t.note("no totp") { try store.totpSecret(accountID: kim.id) }
            t.note("set totp") { try store.setTOTPSecret("JBSWY3DPEHPK3PXP", accountID: kim.id, now: now) }
            t.note("totp") { try store.totpSecret(accountID: kim.id) }
            t.note("has totp") { try store.account(id: kim.id)?.hasTOTP }
            t.note("remove totp") { try store.setTOTPSecret(nil, accountID: kim.id, now: now) }
            t.note("removed") { try store.totpSecret(accountID: kim.id) }
            t.note("totp unknown") { try store.setTOTPSecret("JBSWY3DPEHPK3PXP", accountID: 999, now: now) }
            t.note("totp of unknown") { try store.totpSecret(accountID: 999) }
        }
        // The scenario did what it meant to (on the reference store).
        #expect(lines.contains("add taken: AccountError login: an account 'kim@lysekil.se' already exists"))
        #expect(lines.contains("grant unknown: AccountError login: no account '#999'"))
        #expect(lines.contains("right: Optional(1)") && lines.contains("disabled: nil"))
        #expect(lines.first { $0.hasPrefix("all: ") }?.contains(#"login: "_under""#) == true)
    }

    @Test func sessionsExpireNeedTheirSecondFactorAndEndWithTheAccount() throws {
        let lines = try expectParity { store, t in
            let now = Self.now
            guard let kim = t.note("add", { try store.addAccount(login: "kim", name: "Kim", password: Self.password, isAdmin: false, now: now) }) else { return }
            var pending = "", short = "", plain = ""
            t.note("create pending") {
                let created = try store.createSession(accountID: kim.id, secondFactorPending: true, now: now, lifetime: 3600)
                pending = created.token
                return Self.shown(created.session)
            }
            t.note("create short") {
                let created = try store.createSession(accountID: kim.id, secondFactorPending: false, now: now, lifetime: 60)
                short = created.token
                return Self.shown(created.session)
            }
            t.note("create unknown") { Self.shown(try store.createSession(accountID: 999, secondFactorPending: false, now: now, lifetime: 60).session) }
            t.note("pending") { Self.shown(try store.session(token: pending, now: Self.at(10))) }
            t.note("short alive") { Self.shown(try store.session(token: short, now: Self.at(59))) }
            t.note("short at its end") { Self.shown(try store.session(token: short, now: Self.at(60))) }
            t.note("second factor after the end") { try store.completeSecondFactor(token: pending, now: Self.at(3600)) }
            t.note("still pending") { try store.session(token: pending, now: Self.at(20))?.secondFactorPending }
            t.note("second factor") { try store.completeSecondFactor(token: pending, now: Self.at(30)) }
            t.note("complete") { Self.shown(try store.session(token: pending, now: Self.at(40))) }
            t.note("unknown token") { Self.shown(try store.session(token: "nothing", now: now)) }
            // A new session clears the expired ones: the short one is gone even for a clock that is behind.
            t.note("create plain") {
                let created = try store.createSession(accountID: kim.id, secondFactorPending: false, now: Self.at(120), lifetime: 3600)
                plain = created.token
                return Self.shown(created.session)
            }
            t.note("short cleared") { Self.shown(try store.session(token: short, now: Self.at(30))) }
            t.note("end") { try store.endSession(token: pending) }
            t.note("ended") { Self.shown(try store.session(token: pending, now: Self.at(50))) }
            t.note("end unknown") { try store.endSession(token: "nothing") }
            t.note("disable") { try store.setDisabled(true, accountID: kim.id, now: now) }
            t.note("disabled ends it") { Self.shown(try store.session(token: plain, now: Self.at(130))) }
            t.note("enable") { try store.setDisabled(false, accountID: kim.id, now: now) }
            t.note("still ended") { Self.shown(try store.session(token: plain, now: Self.at(130))) }
        }
        #expect(lines.contains("short at its end: none") && lines.contains("short cleared: none") && lines.contains("still ended: none"))
        #expect(lines.contains("still pending: Optional(true)"))
        #expect(lines.contains { $0.hasPrefix("complete: Account(id: 1") && $0.hasSuffix("pending false until 2026-11-24 13:00:00 +0000 csrf 43") })
    }

    @Test func invitationsWorkOnceAndExpire() throws {
        let lines = try expectParity { store, t in
            let now = Self.now
            guard let ny = t.note("add", { try store.addAccount(login: "ny", name: "Ny", password: nil, isAdmin: false, now: now) }),
                  let other = t.note("add other", { try store.addAccount(login: "annan", name: "", password: nil, isAdmin: false, now: now) }) else { return }
            t.note("invite") { try store.invite(accountID: ny.id, now: now, lifetime: 3600).count }
            t.note("invite unknown") { try store.invite(accountID: 999, now: now, lifetime: 3600) }
            var expiring = "", second = "", disabled = ""
            t.note("invite other") { expiring = try store.invite(accountID: other.id, now: now, lifetime: 60) }
            t.note("expired") { try store.acceptInvitation(token: expiring, password: "ett långt lösenord", now: Self.at(60)) }
            t.note("reinvite") { second = try store.invite(accountID: ny.id, now: Self.at(1), lifetime: 3600) }
            t.note("weak") { try store.acceptInvitation(token: second, password: "kort", now: Self.at(2)) }
            t.note("unknown") { try store.acceptInvitation(token: "nothing", password: "ett långt lösenord", now: Self.at(2)) }
            t.note("accept") { try store.acceptInvitation(token: second, password: "ett långt lösenord", now: Self.at(3)) }
            t.note("again") { try store.acceptInvitation(token: second, password: "ett annat långt lösenord", now: Self.at(4)) }
            t.note("logs in") { try store.authenticate(login: "ny", password: "ett långt lösenord")?.login }
            t.note("not the second") { try store.authenticate(login: "ny", password: "ett annat långt lösenord") }
            t.note("invite again") { disabled = try store.invite(accountID: other.id, now: now, lifetime: 3600) }
            t.note("disable") { try store.setDisabled(true, accountID: other.id, now: now) }
            t.note("disabled") { try store.acceptInvitation(token: disabled, password: "ett långt lösenord", now: Self.at(5)) }
        }
        #expect(lines.contains("expired: AccountError the invitation link is unknown, already used or expired: ask for a new one"))
        #expect(lines.contains("again: AccountError the invitation link is unknown, already used or expired: ask for a new one"))
        #expect(lines.contains("logs in: Optional(\"ny\")"))
    }

    @Test func apiTokensAndCalendarSecrets() throws {
        let lines = try expectParity { store, t in
            let now = Self.now
            guard let kim = t.note("add", { try store.addAccount(login: "kim", name: "Kim", password: nil, isAdmin: false, now: now) }),
                  let admin = t.note("add admin", { try store.addAccount(login: "admin", name: "", password: nil, isAdmin: true, now: now) }) else { return }
            var secrets: [String] = []
            for (kommun, reporter, name) in [("lysekil", "polisen", "Polisens export"), ("lysekil", nil, "Läsare"), ("tranemo", nil, "Annan")] {
                t.note("add \(name)") {
                    let added = try store.addAPIToken(kommun: kommun, reporter: reporter, name: name, now: Self.at(Double(secrets.count)))
                    secrets.append(added.secret)
                    return added.token
                }
            }
            guard secrets.count == 3 else { return }
            t.note("lookup") { try store.apiToken(secret: secrets[0], now: now) }
            t.note("lookup other kommun's") { try store.apiToken(secret: secrets[2], now: now) }
            t.note("lookup unknown") { try store.apiToken(secret: "nothing", now: now) }
            t.note("revoke in the wrong kommun") { try store.revokeAPIToken(id: 1, kommun: "tranemo", now: now) }
            t.note("revoke unknown") { try store.revokeAPIToken(id: 99, kommun: "lysekil", now: now) }
            t.note("revoke") { try store.revokeAPIToken(id: 1, kommun: "lysekil", now: Self.at(100)) }
            t.note("revoke again") { try store.revokeAPIToken(id: 1, kommun: "lysekil", now: Self.at(200)) }
            t.note("revoked") { try store.apiToken(secret: secrets[0], now: now) }
            t.note("lysekil's") { try store.apiTokens(kommun: "lysekil") }
            t.note("tranemo's") { try store.apiTokens(kommun: "tranemo") }
            t.note("none") { try store.apiTokens(kommun: "nowhere") }

            t.note("grant") { try store.grant(Membership(kommun: "lysekil", role: .reader), to: kim.id, now: now) }
            var calendar = ""
            t.note("calendar") { calendar = try store.calendarSecret(accountID: kim.id, kommun: "lysekil", now: now) }
            t.note("same calendar") { try store.calendarSecret(accountID: kim.id, kommun: "lysekil", now: Self.at(10)) == calendar }
            t.note("calendar unknown") { try store.calendarSecret(accountID: 999, kommun: "lysekil", now: now) }
            t.note("whose") { try store.account(calendarSecret: calendar).map { "\($0.0) in \($0.kommun)" } }
            t.note("unknown calendar") { try store.account(calendarSecret: "nothing").map { "\($0.0)" } }
            var roleless = "", admins = ""
            t.note("calendar without a role") { roleless = try store.calendarSecret(accountID: kim.id, kommun: "tranemo", now: now) }
            t.note("roleless") { try store.account(calendarSecret: roleless).map { "\($0.0)" } }
            t.note("admin's calendar") { admins = try store.calendarSecret(accountID: admin.id, kommun: "tranemo", now: now) }
            t.note("admin's") { try store.account(calendarSecret: admins).map { "\($0.0.login) in \($0.kommun)" } }
            t.note("disable") { try store.setDisabled(true, accountID: kim.id, now: now) }
            t.note("disabled") { try store.account(calendarSecret: calendar).map { "\($0.0)" } }
            t.note("enable") { try store.setDisabled(false, accountID: kim.id, now: now) }
            t.note("revoke calendar") { try store.revokeCalendarSecret(accountID: kim.id, kommun: "lysekil") }
            t.note("revoked calendar") { try store.account(calendarSecret: calendar).map { "\($0.0)" } }
            t.note("new calendar") { try store.calendarSecret(accountID: kim.id, kommun: "lysekil", now: now) == calendar }
        }
        #expect(lines.contains("revoke in the wrong kommun: AccountError no such API token in this kommun"))
        #expect(lines.contains("revoked: nil") && lines.contains("roleless: nil") && lines.contains("new calendar: false"))
        #expect(lines.contains("admin's: Optional(\"admin in tranemo\")"))
    }

    @Test func theAuditLogIsNewestFirstPerKommunAndLimited() throws {
        let lines = try expectParity { store, t in
            let events = [("lysekil", "login"), (nil, "account.add"), ("tranemo", "token.add"), ("lysekil", "role.grant"), (nil, "login.failed")]
            for (index, (kommun, action)) in events.enumerated() {
                t.note("record \(action)") {
                    try store.record(AuditEvent(at: Self.at(Double(index * 60)), kommun: kommun, actor: "kim", action: action,
                                                detail: "detalj \(index) – å"))
                }
            }
            t.note("all") { try store.auditLog(kommun: nil, limit: 10) }
            t.note("latest two") { try store.auditLog(kommun: nil, limit: 2) }
            t.note("lysekil") { try store.auditLog(kommun: "lysekil", limit: 10) }
            t.note("lysekil's latest") { try store.auditLog(kommun: "lysekil", limit: 1) }
            t.note("tranemo none") { try store.auditLog(kommun: "tranemo", limit: 0) }
            t.note("no limit") { try store.auditLog(kommun: nil, limit: -1).count }
            t.note("nowhere") { try store.auditLog(kommun: "nowhere", limit: 10) }
        }
        #expect(lines.contains("no limit: 5"))
        #expect(lines.contains { $0.hasPrefix("latest two: [") && $0.contains("login.failed") && !$0.contains("\"login\"") })
    }
}
