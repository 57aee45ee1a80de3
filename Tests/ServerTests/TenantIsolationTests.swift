import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

/// A Lysekil user can neither see nor change anything of Tranemo's: every kommun route answers 404 for
/// another kommun, exactly as for a kommun that does not exist.
@Suite("Server: tenant isolation")
struct TenantIsolationTests {
    /// Every route under /k/{kommun}, with the method it takes.
    static let kommunRoutes: [(HTTPRequest.Method, String)] = [
        (.get, ""), (.get, "rapport"), (.post, "rapport"), (.get, "rapporter"), (.get, "rapporter/web-guessed/rätta"),
        (.post, "rapporter/web-guessed/rätta"), (.post, "rapporter/web-guessed/withdraw"), (.get, "lagesbild"),
        (.get, "lagesbild/download?format=csv"), (.get, "insatser"), (.get, "rapportering"), (.get, "kalender"),
        (.post, "kalender/revoke"), (.get, "ingest"), (.post, "ingest"), (.get, "logg"),
        (.post, "insatser/I-2026-001/decide"), (.get, "anvandare"), (.post, "anvandare"), (.post, "anvandare/1/role"),
        (.post, "anvandare/1/revoke"), (.post, "anvandare/1/disable"), (.post, "anvandare/1/enable"), (.post, "anvandare/1/invite"),
        (.get, "tokens"), (.post, "tokens"), (.post, "tokens/1/revoke"), (.get, "status"), (.post, "status"),
    ]

    @Test("a Lysekil reporter, reader and coordinator get 404 on every Tranemo route, as on an unknown kommun", arguments: StoreKind.tested)
    func everyRouteOfAnotherKommun(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("polis.lysekil", [Membership(kommun: "lysekil", role: .reporter, reporter: "polismyndigheten")])
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try await fixture.test { client in
            for login in ["polis.lysekil", "lasare.lysekil", "samordnare.lysekil"] {
                let person = try await client.logIn(login)
                for kommun in ["tranemo", "atlantis"] {
                    for (method, route) in Self.kommunRoutes {
                        let path = "/k/\(kommun)/" + route
                        let uri = path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? path
                        let (headers, body) = person.form(["submit": "report", "area-1": "tranemo", "content": "x"])
                        let response = try await client.execute(uri: uri, method: method, headers: method == .post ? headers : person.headers,
                                                                 body: method == .post ? body : nil)
                        #expect(response.status == .notFound, "\(login) \(method) \(path): \(response.status)")
                        #expect(!String(buffer: response.body).contains("Tranemo"), "\(login) \(method) \(path) names Tranemo")
                    }
                }
            }
        }
    }

    @Test("a reader cannot use the reporter's or the coordinator's pages of its own kommun", arguments: StoreKind.tested)
    func rolesWithinAKommun(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let reader = try await client.logIn("lasare.lysekil")
            for route in ["rapport", "rapporter", "ingest", "logg", "anvandare", "tokens", "status"] {
                let response = try await client.execute(uri: "/k/lysekil/\(route)", method: .get, headers: reader.headers)
                #expect(response.status == .notFound, "reader GET \(route): \(response.status)")
            }
            let lagesbild = try await client.execute(uri: "/k/lysekil/lagesbild?period=2026-W47", method: .get, headers: reader.headers)
            #expect(lagesbild.status == .ok)
        }
    }

    @Test("a Lysekil API token gets 404 for Tranemo and stores nothing there", arguments: StoreKind.tested)
    func apiTokenOfAnotherKommun(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let config = try #require(fixture.services.kommuner.kommun("lysekil"))
        let (secret, _) = try Accounts.addToken(name: "test", reporter: nil, config: config, store: fixture.services.store, actor: "test",
                                                now: ServerFixture.now)
        try await fixture.test { client in
            let csv = "date,reporter,area,indicator,value\n2026-11-20,polisen,tranemo,klotter,1\n"
            let response = try await client.execute(uri: "/api/v1/kommuner/tranemo/reports", method: .post,
                                                    headers: [.authorization: "Bearer \(secret)", .contentType: "text/csv"],
                                                    body: ByteBuffer(string: csv))
            #expect(response.status == .notFound)
            let lagesbild = try await client.execute(uri: "/api/v1/kommuner/tranemo/lagesbild?period=2026-W47", method: .get,
                                                     headers: [.authorization: "Bearer \(secret)"])
            #expect(lagesbild.status == .notFound)
        }
        #expect(try fixture.services.store.counts(kommun: "tranemo").reports == 0)
    }
}
