import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
@testable import Platform
@testable import PlatformServer
import Plugins
import StoreTestSupport

/// A server over a new store of a kind (`FreshStore`) with a temporary folder, serving the shipped kommun files,
/// with a fixed clock (2026-11-25, a Wednesday of week 48). Tests drive its router in process with
/// HummingbirdTesting.
struct ServerFixture {
    static let now = Timestamp.date("2026-11-25T09:00:00Z")!
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The store's temporary folder, for the templates, plugins and files of the test.
    var directory: URL { store.folder }
    /// The fixture's store, which another process (a command) or a restarted server opens again (`open()`).
    let store: FreshStore
    let services: ServerServices

    /// A new folder and store of `kind`; `publicURL` as `--public-url`.
    init(store kind: StoreKind, publicURL: URL? = nil, municipalities: URL? = nil) throws {
        try self.init(store: FreshStore(kind), publicURL: publicURL, municipalities: municipalities)
    }

    /// A second application on `fixture`'s store (the same file or database): a restart.
    init(reopening fixture: ServerFixture) throws {
        try self.init(store: fixture.store, publicURL: fixture.services.configuration.publicURL,
                      municipalities: URL(fileURLWithPath: fixture.services.configuration.municipalitiesFolder))
    }

    private init(store: FreshStore, publicURL: URL?, municipalities: URL?) throws {
        self.store = store
        let directory = store.folder
        let exporters = try ExporterCatalog(templates: TemplateFolder(path: directory.appendingPathComponent("templates").path),
                                            pluginFolder: directory.appendingPathComponent("plugins").path, timeLimit: .seconds(10))
        let configuration = ServerConfiguration(publicURL: publicURL,
                                                municipalitiesFolder: (municipalities ?? Self.repository.appendingPathComponent("municipalities")).path,
                                                exporters: exporters, clock: { ServerFixture.now })
        // bcrypt at its lowest cost (`FreshStore.passwordCost`): the tests log in many times.
        services = try ServerServices(configuration: configuration, kommuner: KommunDirectory(folder: configuration.municipalitiesFolder),
                                      store: store.open())
    }

    static let password = "demo-lösenord-2026"

    /// An account with `password` and these roles.
    @discardableResult
    func account(_ login: String, _ memberships: [Membership], admin: Bool = false) throws -> Account {
        try Accounts.add(login: login, name: login, isAdmin: admin, memberships: memberships, password: Self.password,
                         kommuner: services.kommuner.all, store: services.store, actor: "test", now: Self.now).account
    }

    /// Runs `test` against the application in process.
    func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: PlatformServer.router(services: services))
        try await app.test(.router, test)
    }
}

/// A signed-in person in the in-process client: the session cookie and the form token of the session.
struct SignedIn: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    func form(_ fields: [String: String]) -> (HTTPFields, ByteBuffer) {
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = (fields.merging(["csrf": csrf]) { $1 }).map { key, value in
            func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            return encode(key) + "=" + encode(value)
        }.joined(separator: "&")
        return (headers, ByteBuffer(string: body))
    }
}

extension TestClientProtocol {
    /// Logs in through the login form as a browser would (CSRF cookie, then the form), and reads the
    /// session's form token off the start page.
    func logIn(_ login: String, password: String = ServerFixture.password) async throws -> SignedIn {
        let page = try await execute(uri: "/login", method: .get)
        let csrfCookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        let token = try #require(hiddenValue("csrf", in: String(buffer: page.body)))
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        let response = try await execute(uri: "/login", method: .post,
                                         headers: [.cookie: csrfCookie, .contentType: "application/x-www-form-urlencoded"],
                                         body: ByteBuffer(string: "csrf=\(token)&login=\(encode(login))&password=\(encode(password))&next=%2F"))
        let session = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init), "login failed: \(response.status)")
        let home = try await execute(uri: "/", method: .get, headers: [.cookie: session])
        var csrf = hiddenValue("csrf", in: String(buffer: home.body))
        if csrf == nil, let location = home.headers[.location] {
            csrf = hiddenValue("csrf", in: String(buffer: try await execute(uri: location, method: .get, headers: [.cookie: session]).body))
        }
        return SignedIn(cookie: session, csrf: try #require(csrf))
    }
}

/// The value of the hidden input `name` in `html`.
func hiddenValue(_ name: String, in html: String) -> String? {
    guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(html[range.upperBound...].prefix { $0 != "\"" })
}
