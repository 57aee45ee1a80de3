import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

/// The API delivers reports the way `ingest` does: the same counts, all or nothing, idempotent by id.
@Suite("Server: the reports API")
struct ReportAPITests {
    static let csv = """
        date,reporter,area,indicator,value,place,id
        2026-11-20,polismyndigheten,norra-hamnen,klotter,2,Kajen,p-1
        2026-11-21,polismyndigheten,stadsparken,nedskrapning,1,,p-2
        2026-11-21,lysekilsbostader,lysekil-centrum,skadegorelse,1,,b-1

        """

    func post(_ client: some TestClientProtocol, _ body: String, token: String, type: String = "text/csv",
              kommun: String = "lysekil") async throws -> (HTTPResponse.Status, ImportSummary?) {
        let response = try await client.execute(uri: "/api/v1/kommuner/\(kommun)/reports", method: .post,
                                                headers: [.authorization: "Bearer \(token)", .contentType: type],
                                                body: ByteBuffer(string: body))
        return (response.status, try? JSONDecoder().decode(ImportSummary.self, from: Data(buffer: response.body)))
    }

    func token(_ fixture: ServerFixture, reporter: String? = nil) throws -> String {
        let config = try #require(fixture.services.kommuner.kommun("lysekil"))
        return try Accounts.addToken(name: "system", reporter: reporter, config: config, store: fixture.services.store, actor: "test",
                                     now: ServerFixture.now).secret
    }

    @Test("the import summary matches what ingest reports for the same file, and the same body again changes nothing", arguments: StoreKind.tested)
    func summaryMatchesIngest(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let secret = try token(fixture)
        // The same file through the file intake, into a second store.
        let file = fixture.directory.appendingPathComponent("v47.csv")
        try Self.csv.write(to: file, atomically: true, encoding: .utf8)
        let config = try #require(fixture.services.kommuner.kommun("lysekil"))
        let otherStore = try FreshStore(kind)
        let ingestor = ReportIngestor(config: config, today: CalendarDate(iso: "2026-11-25")!, now: ServerFixture.now)
        let fromFile = try #require(try ingestor.ingest([file.path], store: { try otherStore.open() }).first?.summary)
        try await fixture.test { client in
            let (status, summary) = try await post(client, Self.csv, token: secret)
            #expect(status == .ok)
            let delivered = try #require(summary)
            #expect((delivered.stored, delivered.corrected, delivered.unchanged, delivered.refused.count)
                == (fromFile.stored, fromFile.corrected, fromFile.unchanged, fromFile.refused.count))
            #expect(delivered.stored == 3 && delivered.committed)
            let (_, again) = try await post(client, Self.csv, token: secret)
            #expect(again?.stored == 0 && again?.unchanged == 3)
            let corrected = Self.csv.replacingOccurrences(of: "klotter,2,Kajen", with: "klotter,4,Kajen")
            let (_, third) = try await post(client, corrected, token: secret)
            #expect(third?.corrected == 1 && third?.unchanged == 2)
        }
    }

    @Test("a bad row refuses the whole delivery with every problem by row (422), and nothing is stored", arguments: StoreKind.tested)
    func refusedWhole(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let secret = try token(fixture)
        try await fixture.test { client in
            let json = """
                [{"date": "2026-11-20", "reporter": "polismyndigheten", "area": "norra-hamnen", "indicator": "klotter", "value": 2},
                 {"date": "2026-11-20", "reporter": "polismyndigheten", "area": "atlantis", "indicator": "klotter", "value": 2},
                 {"date": "2026-11-20", "reporter": "polismyndigheten", "area": "norra-hamnen", "indicator": "klotter", "note": "ring 070-123 45 67"}]
                """
            let (status, summary) = try await post(client, json, token: secret, type: "application/json")
            #expect(status == .unprocessableContent)
            #expect(summary?.committed == false)
            #expect(summary?.refused.map(\.line) == [2, 3])
            #expect(summary.map { !String(describing: $0).contains("070-123") } == true)
        }
        #expect(try fixture.services.store.counts(kommun: "lysekil").reports == 0)
    }

    @Test("a token bound to one organisation cannot deliver another's rows; other media types are 415", arguments: StoreKind.tested)
    func boundTokenAndMediaType(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let secret = try token(fixture, reporter: "polismyndigheten")
        try await fixture.test { client in
            let (status, summary) = try await post(client, Self.csv, token: secret)
            #expect(status == .unprocessableContent)
            #expect(summary?.refused.map(\.line) == [4])
            let (xml, _) = try await post(client, "<reports/>", token: secret, type: "application/xml")
            #expect(xml == .unsupportedMediaType)
        }
        #expect(try fixture.services.store.counts(kommun: "lysekil").reports == 0)
    }

    @Test("GET lagesbild gives the week's lägesbild in JSON and CSV with the token", arguments: StoreKind.tested)
    func lagesbild(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let secret = try token(fixture)
        try await fixture.test { client in
            _ = try await post(client, Self.csv, token: secret)
            let json = try await client.execute(uri: "/api/v1/kommuner/lysekil/lagesbild?period=2026-W47", method: .get,
                                                headers: [.authorization: "Bearer \(secret)"])
            #expect(json.status == .ok)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any]
            #expect((object?["period"] as? [String: Any])?["id"] as? String == "2026-W47")
            let csv = try await client.execute(uri: "/api/v1/kommuner/lysekil/lagesbild?period=2026-W47&format=csv", method: .get,
                                               headers: [.authorization: "Bearer \(secret)"])
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
        }
    }

    @Test("another method on an API path is 405 with the methods it takes", arguments: StoreKind.tested)
    func methodNotAllowed(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        let secret = try token(fixture)
        try await fixture.test { client in
            let trace = try await client.execute(uri: "/api/v1/kommuner/lysekil/reports", method: .trace, headers: [.authorization: "Bearer \(secret)"])
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "POST")
            let query = try await client.execute(uri: "/api/v1/kommuner/lysekil/lagesbild", method: HTTPRequest.Method("QUERY")!,
                                                 headers: [.authorization: "Bearer \(secret)"])
            #expect(query.status == .methodNotAllowed)
            #expect(query.headers[.allow] == "GET, HEAD")
            let health = try await client.execute(uri: "/healthz", method: .trace)
            #expect(health.status == .methodNotAllowed)
            let head = try await client.execute(uri: "/api/v1/kommuner/lysekil/lagesbild?period=2026-W47", method: .head,
                                                headers: [.authorization: "Bearer \(secret)"])
            #expect(head.status == .ok)
        }
    }
}
