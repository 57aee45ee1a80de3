import Foundation
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

@Suite("Server: the second factor (TOTP)")
struct SecondFactorTests {
    /// The login form's POST, from a fresh login page; returns the answer and the session cookie it set.
    func postLogin(_ client: some TestClientProtocol, _ login: String) async throws -> (Response: TestResponse, cookie: String) {
        let page = try await client.execute(uri: "/login", method: .get)
        let csrfCookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        let token = try #require(hiddenValue("csrf", in: String(buffer: page.body)))
        let response = try await client.execute(uri: "/login", method: .post,
                                                headers: [.cookie: csrfCookie, .contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "csrf=\(token)&login=\(login)&password=demo-l%C3%B6senord-2026&next=%2F"))
        let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        return (response, cookie)
    }

    func send(_ client: some TestClientProtocol, _ uri: String, cookie: String, _ fields: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: fields))
    }

    @Test("an account with TOTP gets in only with the current code; the password alone opens nothing", arguments: StoreKind.tested)
    func codeAfterPassword(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let account = try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        let secret = "a-secret-of-the-test-that-is-32-bytes-long"
        try fixture.services.store.setTOTPSecret(secret, accountID: account.id, now: ServerFixture.now)
        try await fixture.test { client in
            let (answer, cookie) = try await postLogin(client, "lasare.lysekil")
            let page = String(buffer: answer.body)
            #expect(page.contains("action=\"/login/totp\""))
            let csrf = try #require(hiddenValue("csrf", in: page))
            let blocked = try await client.execute(uri: "/k/lysekil/insatser", method: .get, headers: [.cookie: cookie])
            #expect(blocked.headers[.location]?.hasPrefix("/login") == true)
            let right = TOTP(secret: secret).compute(date: ServerFixture.now)
            let wrong = try await send(client, "/login/totp", cookie: cookie, "csrf=\(csrf)&code=\((right + 1) % 1_000_000)")
            #expect(wrong.status == .unauthorized)
            let ok = try await send(client, "/login/totp", cookie: cookie, "csrf=\(csrf)&code=\(String(format: "%06d", right))&next=%2F")
            #expect(ok.status == .seeOther)
            let open = try await client.execute(uri: "/k/lysekil/insatser", method: .get, headers: [.cookie: cookie])
            #expect(open.status == .ok)
        }
    }

    @Test("where the kommun file requires it, a coordinator sets up TOTP at first login before anything else", arguments: StoreKind.tested)
    func requiredForCoordinators(_ kind: StoreKind) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kommuner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lysekil = try String(contentsOf: ServerFixture.repository.appendingPathComponent("municipalities/lysekil.yaml"), encoding: .utf8)
        try lysekil.replacingOccurrences(of: "\n  lan: ", with: "\n  secondFactor: coordinators\n  lan: ")
            .write(to: folder.appendingPathComponent("lysekil.yaml"), atomically: true, encoding: .utf8)
        let fixture = try ServerFixture(store: kind, municipalities: folder)
        #expect(fixture.services.kommuner.kommun("lysekil")?.kommun.secondFactor == .coordinators)
        let coordinator = try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            // A reader is not asked.
            let (reader, _) = try await postLogin(client, "lasare.lysekil")
            #expect(reader.status == .seeOther)
            let (answer, cookie) = try await postLogin(client, "samordnare.lysekil")
            let page = String(buffer: answer.body)
            #expect(page.contains("action=\"/konto/totp\""))
            let secret = try #require(hiddenValue("secret", in: page))
            let csrf = try #require(hiddenValue("csrf", in: page))
            let blocked = try await client.execute(uri: "/k/lysekil/logg", method: .get, headers: [.cookie: cookie])
            #expect(blocked.headers[.location]?.hasPrefix("/login") == true)
            let code = String(format: "%06d", TOTP(secret: secret).compute(date: ServerFixture.now))
            let done = try await send(client, "/konto/totp", cookie: cookie, "csrf=\(csrf)&secret=\(secret)&code=\(code)&next=%2F")
            #expect(done.status == .seeOther)
            let open = try await client.execute(uri: "/k/lysekil/logg", method: .get, headers: [.cookie: cookie])
            #expect(open.status == .ok)
        }
        #expect(try fixture.services.store.totpSecret(accountID: coordinator.id) != nil)
        #expect(try fixture.services.store.auditLog(kommun: nil, limit: 20).contains { $0.action == "totp.enable" && $0.actor == "samordnare.lysekil" })
    }

    @Test("resetting a lost second factor removes the secret and is audited", arguments: StoreKind.tested)
    func reset(_ kind: StoreKind) throws {
        let fixture = try ServerFixture(store: kind)
        let account = try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try fixture.services.store.setTOTPSecret("a-secret-of-the-test-that-is-32-bytes-long", accountID: account.id, now: ServerFixture.now)
        try Accounts.resetSecondFactor(login: "Samordnare.Lysekil", store: fixture.services.store, actor: "cli", now: ServerFixture.now)
        #expect(try fixture.services.store.totpSecret(accountID: account.id) == nil)
        #expect(try fixture.services.store.auditLog(kommun: nil, limit: 5).first?.action == "user.reset-totp")
    }
}
