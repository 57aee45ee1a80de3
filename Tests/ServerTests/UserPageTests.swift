import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

/// A kommun's coordinator manages its people: adds one with an invitation link that works, changes roles,
/// removes and disables — and reaches nothing of another kommun's.
@Suite("Server: the coordinator's user pages")
struct UserPageTests {
    /// The fixture's kommun people: a Lysekil coordinator, a Tranemo reporter, and a kommunpolis in both.
    static func people(_ fixture: ServerFixture) throws -> (tranemo: Account, both: Account) {
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        let tranemo = try fixture.account("polis.tranemo", [Membership(kommun: "tranemo", role: .reporter, reporter: "polisen")])
        let both = try fixture.account("kommunpolis", [Membership(kommun: "lysekil", role: .reporter, reporter: "polismyndigheten"),
                                                       Membership(kommun: "tranemo", role: .reporter, reporter: "polisen")])
        return (tranemo, both)
    }

    @Test("a coordinator adds a reporter; the invitation link, shown once, lets them choose a password and log in as a reporter", arguments: StoreKind.tested)
    func addAndInvite(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind, publicURL: URL(string: "https://trygghet.example.se"))
        _ = try Self.people(fixture)
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let (headers, body) = coordinator.form(["login": "Ny.Rapportor@Lysekil.se", "name": "Ny Rapportör", "role": "reporter",
                                                    "reporter": "lysekilsbostader"])
            let added = try await client.execute(uri: "/k/lysekil/anvandare", method: .post, headers: headers, body: body)
            #expect(added.status == .ok)
            let page = String(buffer: added.body)
            let link = try #require(Self.code("secret-value", in: page))
            #expect(link.hasPrefix("https://trygghet.example.se/invite/"))
            #expect(page.contains("ny.rapportor@lysekil.se"))
            // Shown once: the list afterwards has no link.
            let again = try await client.execute(uri: "/k/lysekil/anvandare", method: .get, headers: coordinator.headers)
            #expect(!String(buffer: again.body).contains(link))

            let path = String(link.dropFirst("https://trygghet.example.se".count))
            let invitation = try await client.execute(uri: path, method: .get)
            #expect(invitation.status == .ok)
            let cookie = try #require(invitation.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let csrf = try #require(hiddenValue("csrf", in: String(buffer: invitation.body)))
            let password = "ett långt lösenord för test"
            let accepted = try await client.execute(uri: path, method: .post,
                                                    headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "csrf=\(csrf)&password=\(Self.encode(password))&password2=\(Self.encode(password))"))
            #expect(accepted.status == .seeOther || accepted.status == .found)
            let reporter = try await client.logIn("ny.rapportor@lysekil.se", password: password)
            let form = try await client.execute(uri: "/k/lysekil/rapport", method: .get, headers: reporter.headers)
            #expect(form.status == .ok)
            let used = try await client.execute(uri: path, method: .post,
                                                headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "csrf=\(csrf)&password=\(Self.encode(password))&password2=\(Self.encode(password))"))
            #expect(used.status == .notFound)
        }
        let account = try #require(try fixture.services.store.account(login: "ny.rapportor@lysekil.se"))
        #expect(account.memberships == [Membership(kommun: "lysekil", role: .reporter, reporter: "lysekilsbostader")])
        #expect(!account.isAdmin)
        let log = try fixture.services.store.auditLog(kommun: nil, limit: 20).map { "\($0.actor) \($0.action)" }
        #expect(log.contains("samordnare.lysekil user.add") && log.contains("samordnare.lysekil user.invite"))
    }

    @Test("a missing field and a reporter without an organisation are shown next to their fields, nothing is added", arguments: StoreKind.tested)
    func addProblems(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        _ = try Self.people(fixture)
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let (headers, body) = coordinator.form(["login": "kim", "role": "reporter"])
            let missing = try await client.execute(uri: "/k/lysekil/anvandare", method: .post, headers: headers, body: body)
            #expect(missing.status == .unprocessableContent)
            let html = String(buffer: missing.body)
            #expect(html.contains(#"id="error-summary""#) && html.contains(##"href="#name""##))
            #expect(html.contains(#"aria-describedby="name-error""#) && html.contains(#"<p class="field-error" id="name-error">"#))
            let (headers2, body2) = coordinator.form(["login": "kim", "name": "Kim", "role": "reporter"])
            let noOrganisation = try await client.execute(uri: "/k/lysekil/anvandare", method: .post, headers: headers2, body: body2)
            #expect(noOrganisation.status == .unprocessableContent)
            #expect(String(buffer: noOrganisation.body).contains(#"id="reporter-error""#))
            // A person with an account in another kommun is given a role here, without a new invitation; twice is an error.
            let (headers3, body3) = coordinator.form(["login": "polis.tranemo", "name": "X", "role": "reader"])
            let added = try await client.execute(uri: "/k/lysekil/anvandare?lang=en", method: .post, headers: headers3, body: body3)
            #expect(String(buffer: added.body).contains("already had an account and now has a role here too"))
            #expect(!String(buffer: added.body).contains("/invite/"))
            let taken = try await client.execute(uri: "/k/lysekil/anvandare?lang=en", method: .post, headers: headers3, body: body3)
            #expect(String(buffer: taken.body).contains("The person already has a role here; change it on their row."))
            // There is no admin role to grant, nor an admin field.
            let (headers4, body4) = coordinator.form(["login": "kim", "name": "Kim", "role": "admin", "admin": "true", "isAdmin": "1"])
            let admin = try await client.execute(uri: "/k/lysekil/anvandare", method: .post, headers: headers4, body: body4)
            #expect(admin.status == .unprocessableContent && String(buffer: admin.body).contains(#"id="role-error""#))
        }
        #expect(try fixture.services.store.account(login: "kim") == nil)
        #expect(try fixture.services.store.account(login: "polis.tranemo")?.memberships.map(\.kommun).sorted() == ["lysekil", "tranemo"])
    }

    @Test("the list holds only the kommun's accounts; a role change and a removal reach only this kommun's role", arguments: StoreKind.tested)
    func listChangeRemove(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let (_, both) = try Self.people(fixture)
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let list = String(buffer: try await client.execute(uri: "/k/lysekil/anvandare", method: .get, headers: coordinator.headers).body)
            #expect(list.contains(#"data-login="kommunpolis""#) && !list.contains("polis.tranemo"))
            let (headers, body) = coordinator.form(["role": "reader"])
            let changed = try await client.execute(uri: "/k/lysekil/anvandare/\(both.id)/role", method: .post, headers: headers, body: body)
            #expect(changed.status == .seeOther || changed.status == .found)
            #expect(try fixture.services.store.account(id: both.id)?.role(in: "lysekil") == .reader)
            let removed = try await client.execute(uri: "/k/lysekil/anvandare/\(both.id)/revoke", method: .post, headers: headers, body: body)
            #expect(removed.status == .seeOther || removed.status == .found)
        }
        let after = try #require(try fixture.services.store.account(id: both.id))
        #expect(after.memberships == [Membership(kommun: "tranemo", role: .reporter, reporter: "polisen")])
    }

    @Test("a Lysekil coordinator gets 404 for Tranemo's users and tokens and its accounts, and may not disable one that also reports in Tranemo", arguments: StoreKind.tested)
    func isolation(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let (tranemo, both) = try Self.people(fixture)
        let lysekilOnly = try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            for path in ["/k/tranemo/anvandare", "/k/tranemo/tokens", "/k/tranemo/status"] {
                #expect(try await client.execute(uri: path, method: .get, headers: coordinator.headers).status == .notFound)
            }
            let (headers, body) = coordinator.form(["role": "coordinator"])
            for action in ["role", "revoke", "disable", "enable", "invite"] {
                let response = try await client.execute(uri: "/k/lysekil/anvandare/\(tranemo.id)/\(action)", method: .post, headers: headers, body: body)
                #expect(response.status == .notFound, "\(action): \(response.status)")
            }
            let refused = try await client.execute(uri: "/k/lysekil/anvandare/\(both.id)/disable", method: .post, headers: headers, body: body)
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains(#"class="field-error""#))
            let noInvite = try await client.execute(uri: "/k/lysekil/anvandare/\(both.id)/invite", method: .post, headers: headers, body: body)
            #expect(noInvite.status == .forbidden)
            let disabled = try await client.execute(uri: "/k/lysekil/anvandare/\(lysekilOnly.id)/disable", method: .post, headers: headers, body: body)
            #expect(disabled.status == .seeOther || disabled.status == .found)
        }
        #expect(try fixture.services.store.account(id: tranemo.id)?.memberships.first?.role == .reporter)
        #expect(try fixture.services.store.account(id: both.id)?.disabled == false)
        #expect(try fixture.services.store.account(id: lysekilOnly.id)?.disabled == true)
        #expect(try fixture.services.store.auditLog(kommun: "lysekil", limit: 5).first?.action == "user.disable")
    }

    @Test("the admin may disable an account with roles in two kommuner from either kommun's page", arguments: StoreKind.tested)
    func adminDisablesAnyone(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let (_, both) = try Self.people(fixture)
        try fixture.account("admin", [], admin: true)
        try await fixture.test { client in
            let admin = try await client.logIn("admin")
            let (headers, body) = admin.form([:])
            let response = try await client.execute(uri: "/k/lysekil/anvandare/\(both.id)/disable", method: .post, headers: headers, body: body)
            #expect(response.status == .seeOther || response.status == .found)
        }
        #expect(try fixture.services.store.account(id: both.id)?.disabled == true)
    }

    @Test("KommunAccounts: a coordinator may not change an admin, another kommun's account or their own", arguments: StoreKind.tested)
    func rules(_ kind: StoreKind) throws {
        let fixture = try ServerFixture(store: kind)
        let store = fixture.services.store
        let lysekil = try #require(fixture.services.kommuner.kommun("lysekil"))
        let coordinator = try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        let admin = try fixture.account("admin", [Membership(kommun: "lysekil", role: .reader)], admin: true)
        let reader = try fixture.account("lasare.tranemo", [Membership(kommun: "tranemo", role: .reader)])
        let accounts = try KommunAccounts(config: lysekil, manager: coordinator, store: store)
        #expect(throws: AccountError.self) { try accounts.setRole(.reporter, reporter: "polismyndigheten", accountID: admin.id, now: ServerFixture.now) }
        #expect(throws: AccountError.self) { try accounts.setDisabled(true, accountID: admin.id, now: ServerFixture.now) }
        #expect(throws: AccountError.self) { try accounts.revoke(accountID: reader.id, now: ServerFixture.now) }
        #expect(throws: AccountError.self) { try KommunAccounts(config: lysekil, manager: reader, store: store) }
        #expect(throws: AccountError.self) { try accounts.setDisabled(true, accountID: coordinator.id, now: ServerFixture.now) }
        #expect(throws: AccountError.self) { try accounts.revoke(accountID: coordinator.id, now: ServerFixture.now) }
        #expect(try store.account(id: coordinator.id)?.role(in: "lysekil") == .coordinator)
        #expect(try store.account(id: admin.id)?.memberships.first?.role == .reader && store.account(id: admin.id)?.disabled == false)
    }

    /// The text of `<code id="id">…</code>` in `html`.
    static func code(_ id: String, in html: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\">") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "<" })
    }

    static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}
