import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// Interventions on the minimal kommun (bodies styrgrupp and team; areas centrum and torget; indicators
/// klotter and otrygg-plats).
@Suite("Intervention store")
struct InterventionStoreTests {
    static let config = ReportIngestTests.config

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func proposal(_ title: String = "Klotterplank", on day: String = "2026-03-02") -> InterventionProposal {
        InterventionProposal(title: title, proposedBy: "team", proposedOn: Self.day(day), lagesbildPeriod: "2026-Q1",
                             areas: ["torget"], indicators: ["klotter"])
    }

    @Test(arguments: StoreKind.tested) func lifecycleKeepsEveryStepInTheHistory(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let id = try store.propose(Self.proposal(), config: Self.config)
        #expect(id == "I-2026-001")
        #expect(try store.propose(Self.proposal("Belysning"), config: Self.config) == "I-2026-002")
        #expect(try store.propose(Self.proposal("Äldre", on: "2025-12-30"), config: Self.config) == "I-2025-001")
        let decision = InterventionDecision(decidedBy: "styrgrupp", decidedOn: Self.day("2026-03-16"), owner: "ksf",
                                            start: Self.day("2026-04-01"), plannedEnd: Self.day("2026-12-31"))
        try store.decide(id, decision, config: Self.config)
        #expect(throws: InterventionError.self) { try store.decide(id, decision, config: Self.config) }
        #expect(try store.interventions(kommun: "exempel", activeOn: Self.day("2026-03-31")).isEmpty)
        #expect(try store.interventions(kommun: "exempel", activeOn: Self.day("2026-04-01")).map(\.id) == [id])
        try store.followUp(id, body: "team", on: Self.day("2026-06-10"), outcome: .expand, comment: "Fler platser", config: Self.config)
        #expect(try store.intervention(id, kommun: "exempel").0.status == .decided)
        try store.followUp(id, body: "styrgrupp", on: Self.day("2026-10-10"), outcome: .end, comment: nil, config: Self.config)
        #expect(throws: InterventionError.self) {
            try store.followUp(id, body: "team", on: Self.day("2026-11-10"), outcome: .continue, comment: nil, config: Self.config)
        }
        let (item, events) = try store.intervention(id, kommun: "exempel")
        #expect(item.status == .ended && item.endedOn == Self.day("2026-10-10") && item.owner == "ksf")
        #expect(events.map(\.kind) == [.proposed, .decided, .followUp, .followUp])
        #expect(events.compactMap(\.outcome) == [.expand, .end])
        #expect(events[2].comment == "Fler platser")
        #expect(try store.interventions(kommun: "exempel", activeOn: Self.day("2026-10-11")).isEmpty)
        // Another kommun sees none of it.
        #expect(try store.interventions(kommun: "annan").isEmpty)
    }

    @Test(arguments: StoreKind.tested) func unknownReferencesAreAllListedAndNothingIsStored(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        var proposal = Self.proposal()
        proposal.proposedBy = "teem"
        proposal.areas = ["torg", "centrum"]
        proposal.indicators = ["klottr"]
        proposal.lagesbildPeriod = "2026-Q5"
        let error = try #require(throws: InterventionError.self) { try store.propose(proposal, config: Self.config) }
        #expect(error.problems.count == 4)
        #expect(error.problems.contains("unknown proposing body 'teem' (did you mean 'team'?)"))
        #expect(error.problems.contains("unknown indicator 'klottr' (did you mean 'klotter'?)"))
        #expect(try store.interventions(kommun: "exempel").isEmpty)
    }

    @Test(arguments: StoreKind.tested) func followUpsAreDueWithoutOneInTheWindow(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let a = try store.propose(Self.proposal("A"), config: Self.config)
        let b = try store.propose(Self.proposal("B"), config: Self.config)
        _ = try store.propose(Self.proposal("C"), config: Self.config)
        for id in [a, b] {
            try store.decide(id, InterventionDecision(decidedBy: "styrgrupp", decidedOn: Self.day("2026-03-16"), owner: "team",
                                                      start: Self.day("2026-04-01"), plannedEnd: nil), config: Self.config)
        }
        try store.followUp(b, body: "team", on: Self.day("2026-09-01"), outcome: .continue, comment: nil, config: Self.config)
        #expect(try store.followUpsDue(kommun: "exempel", by: Self.day("2026-05-01"), withinDays: 90).isEmpty)
        #expect(try store.followUpsDue(kommun: "exempel", by: Self.day("2026-10-01"), withinDays: 90).map(\.id) == [a])
        #expect(try store.followUpsDue(kommun: "exempel", by: Self.day("2026-12-15"), withinDays: 90).map(\.id) == [a, b])
        // A meeting of the deciding body (styrgrupp) since the latest decision or follow-up makes one due at once.
        let meeting = Meeting(uid: "m", kommun: "exempel", source: "styrgrupp", kind: "body", title: "Styrgrupp",
                              date: Self.day("2026-09-10"), start: nil, durationMinutes: nil)
        let other = Meeting(uid: "t", kommun: "exempel", source: "team", kind: "body", title: "Team",
                            date: Self.day("2026-09-10"), start: nil, durationMinutes: nil)
        #expect(try store.followUpsDue(kommun: "exempel", by: Self.day("2026-09-20"), meetings: [meeting, other]).map(\.id) == [a, b])
        #expect(try store.followUpsDue(kommun: "exempel", by: Self.day("2026-09-20"), meetings: [other]).map(\.id) == [a])
        #expect(try store.followUpsDue(kommun: "exempel", by: Self.day("2026-09-10"), meetings: [meeting]).map(\.id) == [a])
    }

    /// SQLite's triggers, by SQL on the file (the PostgreSQL store's own tests check its triggers).
    @Test func historyCannotBeRewritten() throws {
        let directory = try TemporaryDirectory()
        let store = try ReportStore(path: directory.path("store.sqlite"))
        _ = try store.propose(Self.proposal(), config: Self.config)
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "UPDATE intervention_events SET body = 'x'") } }
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "DELETE FROM intervention_events") } }
    }
}
