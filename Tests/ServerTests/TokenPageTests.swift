import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

/// A coordinator makes and revokes the kommun's API tokens in the browser; the API follows at once.
@Suite("Server: the coordinator's token page")
struct TokenPageTests {
    @Test("a token added on the page works with the API (its secret shown once); revoked, the API answers 401", arguments: StoreKind.tested)
    func addAndRevoke(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let (headers, body) = coordinator.form(["name": "Polisens system", "reporter": "polismyndigheten"])
            let added = try await client.execute(uri: "/k/lysekil/tokens", method: .post, headers: headers, body: body)
            #expect(added.status == .ok)
            let secret = try #require(UserPageTests.code("secret-value", in: String(buffer: added.body)))
            let list = String(buffer: try await client.execute(uri: "/k/lysekil/tokens", method: .get, headers: coordinator.headers).body)
            #expect(list.contains("Polisens system") && !list.contains(secret))

            let api = "/api/v1/kommuner/lysekil/lagesbild?period=2026-W47&format=json"
            #expect(try await client.execute(uri: api, method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .ok)
            let token = try #require(try fixture.services.store.apiTokens(kommun: "lysekil").first)
            #expect(token.reporter == "polismyndigheten")
            let revoked = try await client.execute(uri: "/k/lysekil/tokens/\(token.id)/revoke", method: .post, headers: headers, body: body)
            #expect(revoked.status == .seeOther || revoked.status == .found)
            #expect(try await client.execute(uri: api, method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .unauthorized)
        }
        let log = try fixture.services.store.auditLog(kommun: "lysekil", limit: 5).map(\.action)
        #expect(log.prefix(2) == ["token.revoke", "token.add"])
    }

    @Test("a token without a name is refused next to the field; Tranemo's token cannot be revoked from Lysekil (404)", arguments: StoreKind.tested)
    func problemsAndIsolation(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        let tranemo = try #require(fixture.services.kommuner.kommun("tranemo"))
        let (secret, token) = try Accounts.addToken(name: "Tranemos system", reporter: nil, config: tranemo, store: fixture.services.store,
                                                    actor: "test", now: ServerFixture.now)
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let (headers, body) = coordinator.form(["name": " "])
            let unnamed = try await client.execute(uri: "/k/lysekil/tokens", method: .post, headers: headers, body: body)
            #expect(unnamed.status == .unprocessableContent)
            let html = String(buffer: unnamed.body)
            #expect(html.contains(#"id="name-error""#) && html.contains(#"aria-invalid="true""#) && !html.contains(#"id="secret""#))
            #expect(!String(buffer: unnamed.body).contains("Tranemos system"))
            let other = try await client.execute(uri: "/k/lysekil/tokens/\(token.id)/revoke", method: .post, headers: headers, body: body)
            #expect(other.status == .notFound)
            let api = "/api/v1/kommuner/tranemo/lagesbild?period=2026-W47&format=json"
            #expect(try await client.execute(uri: api, method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .ok)
        }
        #expect(try fixture.services.store.apiTokens(kommun: "lysekil").isEmpty)
    }
}
