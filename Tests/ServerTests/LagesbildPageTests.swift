import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import Plugins
import StoreTestSupport

/// The lägesbild in the browser: the HTML exporter's page inside the application, its periods and
/// downloads, and never a stale picture after a report comes in.
@Suite("Server: the lägesbild page")
struct LagesbildPageTests {
    static let csv = "date,reporter,area,indicator,value,id\n2026-11-18,polismyndigheten,norra-hamnen,klotter,4,p-1\n"

    func deliver(_ client: some TestClientProtocol, _ body: String, token: String) async throws {
        let response = try await client.execute(uri: "/api/v1/kommuner/lysekil/reports", method: .post,
                                                headers: [.authorization: "Bearer \(token)", .contentType: "text/csv"], body: ByteBuffer(string: body))
        #expect(response.status == .ok)
    }

    /// The heat map cell of norra-hamnen × klotter in the page's JSON download.
    func klotter(_ client: some TestClientProtocol, _ reader: SignedIn) async throws -> Double? {
        let json = try await client.execute(uri: "/k/lysekil/lagesbild/download?period=2026-W47&format=json", method: .get, headers: reader.headers)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
        let cells = object?["cells"] as? [[String: Any]] ?? []
        return cells.first { $0["area"] as? String == "norra-hamnen" && $0["indicator"] as? String == "klotter" }?["value"] as? Double
    }

    @Test("the page embeds the exporter's lägesbild with its style sheet allowed by hash, period links and a download per format", arguments: StoreKind.tested)
    func page(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let reader = try await client.logIn("lasare.lysekil")
            let page = try await client.execute(uri: "/k/lysekil/lagesbild?period=2026-W47", method: .get, headers: reader.headers)
            let html = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(html.contains("<main id=\"main\">") && html.contains("id=\"heat-map\""))
            #expect(html.components(separatedBy: "<h1").count == 2)
            #expect(html.contains("href=\"/k/lysekil/lagesbild?period=2026-W46\"") && html.contains("id=\"next-period\""))
            for format in ["md", "json", "csv", "geojson", "html"] {
                #expect(html.contains("data-format=\"\(format)\""), "no \(format) download")
            }
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("style-src 'self' 'sha256-") && !policy.contains("unsafe-inline"))
            let download = try await client.execute(uri: "/k/lysekil/lagesbild/download?period=2026-W47&format=md", method: .get, headers: reader.headers)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"lysekil-2026-W47.md\"")
            let unknown = try await client.execute(uri: "/k/lysekil/lagesbild?period=2026-W47&area=atlantis", method: .get, headers: reader.headers)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("a report that comes in after the page was compiled shows the next time it is opened", arguments: StoreKind.tested)
    func neverStale(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        let config = try #require(fixture.services.kommuner.kommun("lysekil"))
        let secret = try Accounts.addToken(name: "system", reporter: nil, config: config, store: fixture.services.store, actor: "test",
                                           now: ServerFixture.now).secret
        try await fixture.test { client in
            let reader = try await client.logIn("lasare.lysekil")
            try await deliver(client, Self.csv, token: secret)
            #expect(try await klotter(client, reader) == 4)
            #expect(try await klotter(client, reader) == 4)
            try await deliver(client, Self.csv.replacingOccurrences(of: "klotter,4", with: "klotter,6"), token: secret)
            #expect(try await klotter(client, reader) == 6)
        }
        // A write by another process (the command line on the same store) too.
        let other = try fixture.store.open()
        _ = try ReportIngestor(config: config, today: CalendarDate(iso: "2026-11-25")!,
                               now: ServerFixture.now)
            .ingest(FormRows(name: "cli", rows: [RawReport(line: 1, values: [.date: "2026-11-18", .reporter: "polismyndigheten",
                                                                               .area: "norra-hamnen", .indicator: "klotter", .value: "9", .id: "p-1"])]),
                    store: other)
        try await fixture.test { client in
            let reader = try await client.logIn("lasare.lysekil")
            #expect(try await klotter(client, reader) == 9)
        }
    }
}
