import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PlatformServer
import StoreTestSupport

@Suite("Server: health, headers and anonymous access")
struct SecurityHeadersTests {
    @Test("healthz answers ok with the security headers", arguments: StoreKind.tested)
    func healthz(_ kind: StoreKind) async throws {
        try await ServerFixture(store: kind).test { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test("a kommun page without a session redirects to the login page, keeping where it was going", arguments: StoreKind.tested)
    func redirectsToLogin(_ kind: StoreKind) async throws {
        try await ServerFixture(store: kind).test { client in
            try await client.execute(uri: "/k/lysekil/lagesbild?period=2026-W47", method: .get) { response in
                #expect([.seeOther, .found].contains(response.status))
                #expect(response.headers[.location]?.hasPrefix("/login?next=%2Fk%2Flysekil%2Flagesbild") == true)
            }
        }
    }

    @Test("the login page is Swedish by default, English on request, and sets an HttpOnly SameSite=Lax CSRF cookie", arguments: StoreKind.tested)
    func loginPage(_ kind: StoreKind) async throws {
        try await ServerFixture(store: kind).test { client in
            try await client.execute(uri: "/login", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"sv\">"))
                #expect(html.contains("Logga in"))
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("csrf="))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(!cookie.contains("Secure"))
            }
            try await client.execute(uri: "/login?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("<html lang=\"en\">"))
            }
        }
    }

    @Test("a login form without its CSRF token is refused", arguments: StoreKind.tested)
    func loginWithoutCSRF(_ kind: StoreKind) async throws {
        try await ServerFixture(store: kind).test { client in
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "login=a&password=b")) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("the API without a token is 401 with a JSON error", arguments: StoreKind.tested)
    func apiWithoutToken(_ kind: StoreKind) async throws {
        try await ServerFixture(store: kind).test { client in
            try await client.execute(uri: "/api/v1/kommuner/lysekil/reports", method: .post, headers: [.contentType: "text/csv"],
                                     body: ByteBuffer(string: "date,reporter,area,indicator\n")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(String(buffer: response.body).contains("\"error\""))
            }
        }
    }

    @Test("an unknown page is an HTML 404 in the person's language", arguments: StoreKind.tested)
    func notFound(_ kind: StoreKind) async throws {
        try await ServerFixture(store: kind).test { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Sidan finns inte"))
            }
        }
    }
}
