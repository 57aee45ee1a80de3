import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// The use cases both doors call: roles checked against the kommun file, every change in the audit log.
@Suite("Accounts use cases")
struct AccountsUseCaseTests {
    let config = ReportIngestTests.config
    static let now = AccountStoreTests.now

    private func problems(_ memberships: [Membership]) -> [String] {
        do {
            try Accounts.check(memberships, in: [config])
            return []
        } catch let AccountError.invalidMembership(problems) {
            return problems
        } catch {
            return ["\(error)"]
        }
    }

    @Test func membershipsAreCheckedAgainstTheKommunFile() {
        #expect(problems([Membership(kommun: "exempel", role: .reporter, reporter: "polisen"), Membership(kommun: "andra", role: .reader)])
            == ["kommun: no kommun 'andra' (known: exempel)"])
        #expect(problems([Membership(kommun: "exempl", role: .reader)])
            == ["kommun: no kommun 'exempl' (known: exempel); did you mean 'exempel'?"])
        #expect(problems([Membership(kommun: "exempel", role: .reporter, reporter: "polis")])
            == ["reporter: exempel has no reporter 'polis' (known: polisen, ksf); did you mean 'polisen'?"])
        #expect(problems([Membership(kommun: "exempel", role: .reporter)])
            == ["reporter: the role reporter needs the reporter organisation it reports for (one of polisen, ksf)"])
        #expect(problems([Membership(kommun: "exempel", role: .reader, reporter: "polisen")])
            == ["reporter: only the role reporter is bound to a reporter organisation, not reader ('polisen')"])
        #expect(problems([Membership(kommun: "exempel", role: .reader), Membership(kommun: "exempel", role: .coordinator)])
            == ["kommun: one role per kommun, but 'exempel' is given 2 times"])
    }

    @Test(arguments: StoreKind.tested) func aRefusedAccountIsNotStoredAndEveryChangeIsAudited(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        #expect(throws: AccountError.self) {
            try Accounts.add(login: "kim", name: "Kim", isAdmin: false, memberships: [Membership(kommun: "exempel", role: .reporter, reporter: "polis")],
                             password: nil, kommuner: [config], store: store, actor: "cli", now: Self.now)
        }
        #expect(try store.account(login: "kim") == nil)
        let (account, invitation) = try Accounts.add(
            login: "Kim", name: "Kim", isAdmin: false, memberships: [Membership(kommun: "exempel", role: .reporter, reporter: "polisen")],
            password: nil, kommuner: [config], store: store, actor: "cli", now: Self.now)
        #expect(account.memberships == [Membership(kommun: "exempel", role: .reporter, reporter: "polisen")])
        let token = try #require(invitation)
        #expect(try store.acceptInvitation(token: token, password: AccountStoreTests.password, now: Self.now).id == account.id)
        try Accounts.grant(Membership(kommun: "exempel", role: .coordinator), login: "KIM", kommuner: [config], store: store, actor: "admin", now: Self.now)
        let (secret, apiToken) = try Accounts.addToken(name: "Polisens system", reporter: "polisen", config: config, store: store, actor: "kim", now: Self.now)
        try Accounts.revokeToken(id: apiToken.id, kommun: "exempel", store: store, actor: "kim", now: Self.now)
        #expect(throws: AccountError.unknownToken) { try Accounts.revokeToken(id: 99, kommun: "exempel", store: store, actor: "kim", now: Self.now) }
        try Accounts.revoke(kommun: "exempel", login: "kim", store: store, actor: "cli", now: Self.now)
        #expect(throws: AccountError.invalidMembership(["kommun: kim has no role in 'exempel' (none anywhere)"])) {
            try Accounts.revoke(kommun: "exempel", login: "kim", store: store, actor: "cli", now: Self.now)
        }
        try Accounts.setPassword("ytterligare ett lösenord", login: "kim", store: store, actor: "cli", now: Self.now)
        try Accounts.setDisabled(true, login: "kim", store: store, actor: "cli", now: Self.now)
        #expect(throws: AccountError.unknownAccount("ingen")) { try Accounts.setDisabled(true, login: "Ingen", store: store, actor: "cli", now: Self.now) }

        let log = try store.auditLog(kommun: nil, limit: 20)
        #expect(log.map { "\($0.kommun ?? "-") \($0.actor) \($0.action) \($0.detail)" }.reversed() == [
            "- cli user.add kim",
            "exempel cli user.grant kim: reporter (polisen)",
            "- cli user.invite kim, until 2026-12-01T12:00:00Z",
            "exempel admin user.grant kim: coordinator",
            "exempel kim token.add #1 Polisens system (polisen)",
            "exempel kim token.revoke #1 Polisens system (polisen)",
            "exempel cli user.revoke kim: coordinator",
            "- cli user.password kim",
            "- cli user.disable kim",
        ])
        let everything = log.map(\.detail).joined()
        #expect(!everything.contains(secret) && !everything.contains(token) && !everything.contains("lösenord"))
    }

    @Test func anInvitationLinkIsThePublicURLWithTheToken() {
        #expect(Accounts.invitationURL(publicURL: "https://est.example.se/", token: "abc") == "https://est.example.se/invite/abc")
        #expect(Accounts.invitationURL(publicURL: "http://localhost:8080", token: "abc") == "http://localhost:8080/invite/abc")
    }
}
