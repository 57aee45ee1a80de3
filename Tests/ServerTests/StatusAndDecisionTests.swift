import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

/// A coordinator sets an area's assessed status and decides a proposed intervention in the browser; both
/// are the CLI's use cases, and both reach the lägesbild and the interventions list.
@Suite("Server: setting status and deciding interventions")
struct StatusAndDecisionTests {
    @Test("a status set on the page is the area's assessed status in the lägesbild JSON, and is in the history", arguments: StoreKind.tested)
    func statusReachesLagesbild(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let (headers, body) = coordinator.form(["area": "norra-hamnen", "status": "orange", "body": "operativt-trygghetsteam",
                                                    "date": "2026-11-23", "reason": "Upprepad skadegörelse vid kajen"])
            let set = try await client.execute(uri: "/k/lysekil/status", method: .post, headers: headers, body: body)
            #expect(set.status == .seeOther || set.status == .found)
            let page = String(buffer: try await client.execute(uri: "/k/lysekil/status", method: .get, headers: coordinator.headers).body)
            #expect(page.contains("Upprepad skadegörelse vid kajen") && page.contains(#"id="status-history""#))

            let json = try await client.execute(uri: "/k/lysekil/lagesbild/download?period=2026-W48&format=json", method: .get,
                                                headers: coordinator.headers)
            #expect(json.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
            let statuses = try #require(object["areaStatuses"] as? [[String: Any]])
            let assessed = try #require(statuses.first { $0["area"] as? String == "norra-hamnen" }?["assessed"] as? [String: Any])
            #expect(assessed["status"] as? String == "orange")
            #expect(assessed["on"] as? String == "2026-11-23")
            #expect(assessed["reason"] as? String == "Upprepad skadegörelse vid kajen")
            // Before the day it applies from, the area has no assessed status.
            let earlier = try await client.execute(uri: "/k/lysekil/lagesbild/download?period=2026-W46&format=json", method: .get,
                                                   headers: coordinator.headers)
            let before = try #require(try JSONSerialization.jsonObject(with: Data(buffer: earlier.body)) as? [String: Any])
            let area = (before["areaStatuses"] as? [[String: Any]])?.first { $0["area"] as? String == "norra-hamnen" }
            #expect(area?["assessed"] == nil || area?["assessed"] is NSNull)
        }
        let event = try #require(try fixture.services.store.auditLog(kommun: "lysekil", limit: 1).first)
        #expect(event.action == "status.set" && event.actor == "samordnare.lysekil")
    }

    @Test("a reason holding a personnummer is refused next to the field, emptied, and nothing is stored; a reader gets 404", arguments: StoreKind.tested)
    func statusProblems(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let coordinator = try await client.logIn("samordnare.lysekil")
            let (headers, body) = coordinator.form(["area": "norra-hamnen", "status": "red", "body": "operativt-trygghetsteam",
                                                    "reason": "Bråk med 19121212-1212 vid kajen"])
            let refused = try await client.execute(uri: "/k/lysekil/status", method: .post, headers: headers, body: body)
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains(#"id="reason-error""#) && html.contains(##"href="#reason""##) && html.contains(#"aria-describedby="reason-hint reason-error""#))
            #expect(!html.contains("19121212"))
            let reader = try await client.logIn("lasare.lysekil")
            #expect(try await client.execute(uri: "/k/lysekil/status", method: .get, headers: reader.headers).status == .notFound)
        }
        #expect(try fixture.services.store.areaStatusAssessments(kommun: "lysekil").isEmpty)
    }

    @Test("a coordinator decides a proposed intervention on the interventions page; a reader sees no form", arguments: StoreKind.tested)
    func decide(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("samordnare.lysekil", [Membership(kommun: "lysekil", role: .coordinator)])
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        let config = try #require(fixture.services.kommuner.kommun("lysekil"))
        let id = try fixture.services.store.propose(
            InterventionProposal(title: "Belysning vid kajen", proposedBy: "operativt-trygghetsteam", proposedOn: CalendarDate(iso: "2026-11-20")!,
                                 areas: ["norra-hamnen"], indicators: []), config: config, now: ServerFixture.now)
        try await fixture.test { client in
            let reader = try await client.logIn("lasare.lysekil")
            let readerPage = String(buffer: try await client.execute(uri: "/k/lysekil/insatser", method: .get, headers: reader.headers).body)
            #expect(readerPage.contains("Belysning vid kajen") && !readerPage.contains(#"class="decide""#))
            // Every column has its cell, the empty ones (owner, start, planned end) too.
            let row = try #require(readerPage.range(of: "<td>\(id)</td>").map { readerPage[$0.lowerBound...].prefix { $0 != "\n" } })
            #expect(row.components(separatedBy: "<td>").count - 1 == 7, "\(row)")
            let (readerHeaders, readerBody) = reader.form(["by": "strategiskt-trygghetsteam"])
            #expect(try await client.execute(uri: "/k/lysekil/insatser/\(id)/decide", method: .post, headers: readerHeaders,
                                             body: readerBody).status == .notFound)

            let coordinator = try await client.logIn("samordnare.lysekil")
            let page = String(buffer: try await client.execute(uri: "/k/lysekil/insatser", method: .get, headers: coordinator.headers).body)
            #expect(page.contains(#"id="decide-\#(id)""#))
            let (headers, body) = coordinator.form(["by": "strategiskt-trygghetsteam", "on": "2026-11-24", "start": "2026-12-01",
                                                    "plannedEnd": "2026-11-30"])
            let backwards = try await client.execute(uri: "/k/lysekil/insatser/\(id)/decide", method: .post, headers: headers, body: body)
            #expect(backwards.status == .unprocessableContent)
            #expect(String(buffer: backwards.body).contains(#"id="plannedEnd-\#(id)-error""#))

            let (headers2, body2) = coordinator.form(["by": "strategiskt-trygghetsteam", "on": "2026-11-24", "plannedEnd": "2027-03-31"])
            let decided = try await client.execute(uri: "/k/lysekil/insatser/\(id)/decide", method: .post, headers: headers2, body: body2)
            #expect(decided.status == .seeOther || decided.status == .found)
            #expect(try await client.execute(uri: "/k/lysekil/insatser/I-2026-999/decide", method: .post, headers: headers2,
                                             body: body2).status == .notFound)
        }
        let intervention = try #require(try fixture.services.store.interventions(kommun: "lysekil").first)
        #expect(intervention.status == .decided && intervention.decidedBy == "strategiskt-trygghetsteam")
        #expect(intervention.owner == "strategiskt-trygghetsteam" && intervention.start == CalendarDate(iso: "2026-11-24"))
        #expect(intervention.plannedEnd == CalendarDate(iso: "2027-03-31"))
        #expect(try fixture.services.store.auditLog(kommun: "lysekil", limit: 1).first?.action == "intervention.decide")
    }
}
