import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Platform
@testable import PlatformServer
import StoreTestSupport

/// The reporter's form end to end in process: several events in one submission, personal data refused next
/// to the field without being repeated, correction and withdrawal as revisions, inget att rapportera.
@Suite("Server: the reporter's form")
struct ReportFormTests {
    static let reporter = Membership(kommun: "lysekil", role: .reporter, reporter: "polismyndigheten")

    /// The fields of `events` events, numbered from 1.
    static func fields(_ events: [[String: String]], submit: String = "report") -> [String: String] {
        var fields = ["events": String(events.count), "submit": submit]
        for (index, event) in events.enumerated() {
            for (column, value) in event { fields["\(column)-\(index + 1)"] = value }
        }
        return fields
    }

    static let twoEvents = fields([
        ["date": "2026-11-24", "time": "22:15", "area": "norra-hamnen", "indicator": "klotter", "value": "3", "place": "Kajen"],
        ["date": "2026-11-25", "area": "stadsparken", "indicator": "nedskrapning", "value": "1", "note": "Mycket skräp vid scenen"],
    ])

    @Test("two events in one submission are stored and listed as the organisation's reports this period", arguments: StoreKind.tested)
    func twoEvents(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("polis.lysekil", [Self.reporter])
        try await fixture.test { client in
            let person = try await client.logIn("polis.lysekil")
            let form = try await client.execute(uri: "/k/lysekil/rapport", method: .get, headers: person.headers)
            let html = String(buffer: form.body)
            #expect(html.contains("<optgroup label=\"Lysekil\">") && html.contains("value=\"2026-11-25\""))
            let (headers, body) = person.form(Self.twoEvents)
            let sent = try await client.execute(uri: "/k/lysekil/rapport", method: .post, headers: headers, body: body)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/k/lysekil/rapporter?sent=2")
            let list = String(buffer: try await client.execute(uri: "/k/lysekil/rapporter", method: .get, headers: person.headers).body)
            #expect(list.components(separatedBy: "<tr data-ref=\"web-").count - 1 == 2)
            #expect(list.contains("Kajen") && list.contains("Mycket skräp vid scenen"))
        }
        let stored = try fixture.services.store.reports(kommun: "lysekil", reporter: "polismyndigheten",
                                                        from: CalendarDate(iso: "2026-11-23")!, to: CalendarDate(iso: "2026-11-29")!)
        #expect(stored.map(\.indicator).sorted() == ["klotter", "nedskrapning"])
        #expect(try fixture.services.store.auditLog(kommun: "lysekil", limit: 10).contains { $0.action == "report.submit" })
    }

    @Test("a personnummer in a note is refused next to the note, never repeated, and nothing of the submission is stored", arguments: StoreKind.tested)
    func personnummerRefused(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("polis.lysekil", [Self.reporter])
        try await fixture.test { client in
            let person = try await client.logIn("polis.lysekil")
            var fields = Self.twoEvents
            fields["note-2"] = "Bråk, en person 19121212-1212 omhändertogs"
            let (headers, body) = person.form(fields)
            let answer = try await client.execute(uri: "/k/lysekil/rapport", method: .post, headers: headers, body: body)
            #expect(answer.status == .unprocessableContent)
            let html = String(buffer: answer.body)
            #expect(!html.contains("19121212") && !html.contains("1212-1212"))
            #expect(html.contains("<p class=\"field-error\" id=\"note-2-error\">Anteckningen innehöll ett personnummer"))
            #expect(html.contains("aria-describedby=\"note-2-error\""))
            #expect(html.contains("id=\"error-summary\""))
            // What was typed elsewhere is kept for the second try.
            #expect(html.contains("value=\"Kajen\""))
        }
        #expect(try fixture.services.store.counts(kommun: "lysekil").reports == 0)
    }

    @Test("a correction is a revision of the same report, and a withdrawal keeps it out of the list and the lägesbild", arguments: StoreKind.tested)
    func correctAndWithdraw(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("polis.lysekil", [Self.reporter])
        try await fixture.test { client in
            let person = try await client.logIn("polis.lysekil")
            let (headers, body) = person.form(Self.twoEvents)
            _ = try await client.execute(uri: "/k/lysekil/rapport", method: .post, headers: headers, body: body)
            let list = String(buffer: try await client.execute(uri: "/k/lysekil/rapporter", method: .get, headers: person.headers).body)
            let refs = list.components(separatedBy: "<tr data-ref=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            try #require(refs.count == 2)
            let klotter = try #require(try fixture.services.store.reports(kommun: "lysekil", reporter: "polismyndigheten",
                                                                          from: CalendarDate(iso: "2026-11-23")!, to: CalendarDate(iso: "2026-11-29")!)
                .first { $0.indicator == "klotter" }?.ref)
            let page = try await client.execute(uri: "/k/lysekil/rapporter/\(klotter)/r%C3%A4tta", method: .get, headers: person.headers)
            #expect(String(buffer: page.body).contains("value=\"Kajen\""))
            var corrected = Self.fields([["date": "2026-11-24", "area": "norra-hamnen", "indicator": "klotter", "value": "5", "place": "Kajen"]])
            corrected["ref"] = klotter
            let (h2, b2) = person.form(corrected)
            let answer = try await client.execute(uri: "/k/lysekil/rapporter/\(klotter)/r%C3%A4tta", method: .post, headers: h2, body: b2)
            #expect(answer.headers[.location] == "/k/lysekil/rapporter?sent=1")
            let history = try fixture.services.store.history(kommun: "lysekil", reporter: "polismyndigheten", ref: klotter)
            #expect(history.current == 5 && history.earlier == [3])
            let (h3, b3) = person.form([:])
            let withdrawn = try await client.execute(uri: "/k/lysekil/rapporter/\(klotter)/withdraw", method: .post, headers: h3, body: b3)
            #expect(withdrawn.headers[.location] == "/k/lysekil/rapporter?withdrawn=1")
            let after = String(buffer: try await client.execute(uri: "/k/lysekil/rapporter", method: .get, headers: person.headers).body)
            #expect(!after.contains("data-ref=\"\(klotter)\""))
            let again = try await client.execute(uri: "/k/lysekil/rapporter/\(klotter)/withdraw", method: .post, headers: h3, body: b3)
            #expect(again.status == .notFound)
        }
    }

    @Test("inget att rapportera counts the organisation as reported for the period", arguments: StoreKind.tested)
    func nothingToReport(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("polis.lysekil", [Self.reporter])
        try fixture.account("lasare.lysekil", [Membership(kommun: "lysekil", role: .reader)])
        try await fixture.test { client in
            let person = try await client.logIn("polis.lysekil")
            let (headers, body) = person.form(Self.fields([[:]], submit: "nothing"))
            let answer = try await client.execute(uri: "/k/lysekil/rapport", method: .post, headers: headers, body: body)
            #expect(answer.headers[.location] == "/k/lysekil/rapporter?nothing=1")
            let reader = try await client.logIn("lasare.lysekil")
            let page = String(buffer: try await client.execute(uri: "/k/lysekil/rapportering?period=2026-W48", method: .get, headers: reader.headers).body)
            let row = try #require(page.components(separatedBy: "<tr>").first { $0.contains("Polis") })
            #expect(row.contains("<td>rapporterat</td>"))
        }
    }

    @Test("a correction of an id the organisation has no report under is 404 and stores nothing", arguments: StoreKind.tested)
    func guessedReference(_ kind: StoreKind) async throws {
        let fixture = try ServerFixture(store: kind)
        try fixture.account("polis.lysekil", [Self.reporter])
        try await fixture.test { client in
            let person = try await client.logIn("polis.lysekil")
            var fields = Self.fields([["date": "2026-11-24", "area": "norra-hamnen", "indicator": "klotter", "value": "5"]])
            fields["ref"] = "web-guessed"
            let (headers, body) = person.form(fields)
            let answer = try await client.execute(uri: "/k/lysekil/rapporter/web-guessed/r%C3%A4tta", method: .post, headers: headers, body: body)
            #expect(answer.status == .notFound)
        }
        #expect(try fixture.services.store.counts(kommun: "lysekil").reports == 0)
    }
}
