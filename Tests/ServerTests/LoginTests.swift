import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

@Suite("Server: logging in and out")
struct LoginTests {
    @Test("a wrong password and an unknown login get the same 401 answer, and the fifth failure throttles", arguments: StoreKind.tested)
    func failedLogins(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let token = try #require(hiddenValue("csrf", in: String(buffer: page.body)))
            func attempt(_ login: String, _ password: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(uri: "/login", method: .post,
                                                        headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "csrf=\(token)&login=\(login)&password=\(password)"))
                #expect(response.headers[.setCookie]?.hasPrefix("session=") != true)
                return (response.status, String(buffer: response.body))
            }
            let wrong = try await attempt("lasare.lysekil", "fel-losenord-1234")
            let unknown = try await attempt("ingen.alls", "fel-losenord-1234")
            #expect(wrong.0 == .unauthorized && unknown.0 == .unauthorized)
            #expect(wrong.1.replacingOccurrences(of: "lasare.lysekil", with: "X") == unknown.1.replacingOccurrences(of: "ingen.alls", with: "X"))
            for _ in 0..<3 { _ = try await attempt("lasare.lysekil", "fel-losenord-1234") }
            let throttled = try await attempt("lasare.lysekil", ServerFixture.password)
            #expect(throttled.0 == .tooManyRequests)
        }
        let actions = try fixture.services.store.auditLog(kommun: nil, limit: 20).map(\.action)
        #expect(actions.filter { $0 == "login-failed" }.count == 5)
        #expect(actions.contains("login-throttled"))
        // What was typed for an unknown login is not kept (it may be a password typed in the wrong field).
        let actors = try fixture.services.store.auditLog(kommun: nil, limit: 20).filter { $0.action == "login-failed" }.map(\.actor)
        #expect(actors.contains("(okänd inloggning)") && !actors.contains("ingen.alls") && actors.contains("lasare.lysekil"))
    }

    @Test("a session survives a restart of the server (it is stored), and logging out ends it", arguments: StoreKind.tested)
    func sessionSurvivesRestart(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        let person = try await carryOut { box in
            try await fixture.test { client in box.set(try await client.logIn("lasare.lysekil")) }
        }
        // A second application on the same store: a restart.
        let restarted = try ServerFixture(reopening: fixture)
        try await restarted.test { client in
            let page = try await client.execute(uri: "/k/lysekil/insatser", method: .get, headers: person.headers)
            #expect(page.status == .ok)
            let (headers, body) = person.form([:])
            let out = try await client.execute(uri: "/logout", method: .post, headers: headers, body: body)
            #expect(out.status == .seeOther || out.status == .found)
            let after = try await client.execute(uri: "/k/lysekil/insatser", method: .get, headers: person.headers)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test("the session cookie is HttpOnly and SameSite=Lax, and Secure behind an https public URL", arguments: StoreKind.tested)
    func cookieFlags(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind, publicURL: URL(string: "https://trygghet.example.se"))
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let set = try #require(page.headers[.setCookie])
            #expect(set.contains("Secure") && set.contains("HttpOnly") && set.contains("SameSite=Lax"))
            #expect(page.headers[.strictTransportSecurity] != nil)
        }
    }
}

/// Carries one value out of a `@Sendable` closure.
func carryOut<T: Sendable>(_ body: (Box<T>) async throws -> Void) async throws -> T {
    let box = Box<T>()
    try await body(box)
    return try #require(box.value)
}

final class Box<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    func set(_ value: T) { lock.withLock { stored = value } }
    var value: T? { lock.withLock { stored } }
}

@Suite("Server: the admin's audit log")
struct AdminAuditLogTests {
    @Test("the admin sees the platform-wide events (logins, failed logins) with every kommun's; a coordinator gets 404", arguments: StoreKind.tested)
    func adminLog(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("admin", [], admin: true)
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try await fixture.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let token = try #require(hiddenValue("csrf", in: String(buffer: page.body)))
            let failed = try await client.execute(uri: "/login", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "csrf=\(token)&login=samordnare.lysekil&password=fel-losenord-1234"))
            #expect(failed.status == .unauthorized)
            let coordinator = try await client.logIn("samordnare.lysekil")
            let refused = try await client.execute(uri: "/admin/logg", method: .get, headers: coordinator.headers)
            #expect(refused.status == .notFound)
            let admin = try await client.logIn("admin")
            let home = String(buffer: try await client.execute(uri: "/", method: .get, headers: admin.headers).body)
            #expect(home.contains("href=\"/admin/logg\""))
            let log = String(buffer: try await client.execute(uri: "/admin/logg", method: .get, headers: admin.headers).body)
            #expect(log.contains("<td>login-failed</td>") && log.contains("<td>login</td>") && log.contains("lysekil: samordnare.lysekil"))
        }
    }
}
