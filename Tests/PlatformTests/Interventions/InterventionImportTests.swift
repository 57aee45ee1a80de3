import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// `insats import` from YAML and CSV: every problem listed by line, and a file with any bad row changes nothing.
@Suite("Intervention import")
struct InterventionImportTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func importFile(_ name: String, into store: some InterventionStore, _ text: String) throws -> [String] {
        let rows = try InterventionFileReader.rows(path: try directory.write(name, text), config: InterventionStoreTests.config)
        return try store.importInterventions(rows, config: InterventionStoreTests.config)
    }

    @Test(arguments: StoreKind.tested) func goodYAMLIsImportedWithDecisions(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let ids = try importFile("ok.yaml", into: store, """
            interventions:
              - title: Klotterplank
                proposedBy: team
                proposedOn: 2026-03-02
                period: 2026-Q1
                areas: [torget]
                indicators: [klotter]
                decidedBy: styrgrupp
                decidedOn: 2026-03-16
                owner: ksf
                start: 2026-04-01
              - title: Belysning i parken
                proposedBy: team
                proposedOn: 2026-05-04
                areas: [centrum]
            """)
        #expect(ids == ["I-2026-001", "I-2026-002"])
        let all = try store.interventions(kommun: "exempel")
        #expect(all.map(\.status) == [.decided, .proposed])
        #expect(all[0].start == CalendarDate(iso: "2026-04-01") && all[0].owner == "ksf")
        #expect(try store.intervention("I-2026-001", kommun: "exempel").1.map(\.kind) == [.proposed, .decided])
    }

    @Test(arguments: StoreKind.tested) func aYAMLFileWithOneBadRowChangesNothing(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let error = try #require(throws: InterventionError.self) {
            try importFile("bad.yaml", into: store, """
                interventions:
                  - title: Bra rad
                    proposedBy: team
                    proposedOn: 2026-03-02
                    areas: [torget]
                  - title: Dålig rad
                    proposedBy: team
                    proposedOn: 2026-03-02
                    areas: [torg]
                    indicatorz: [klotter]
                """)
        }
        #expect(error.problems == ["line 6: unknown key 'indicatorz' (did you mean 'indicators'?)"])
        let second = try #require(throws: InterventionError.self) {
            try importFile("bad2.yaml", into: store, """
                interventions:
                  - title: Bra rad
                    proposedBy: team
                    proposedOn: 2026-03-02
                  - title: Dålig rad
                    proposedBy: tema
                    proposedOn: 2026-03-02
                    areas: [torg]
                """)
        }
        #expect(second.problems.count == 2 && second.problems.allSatisfy { $0.hasPrefix("line 5: ") })
        #expect(try store.interventions(kommun: "exempel").isEmpty)
    }

    @Test(arguments: StoreKind.tested) func aCSVFileWithBadRowsChangesNothingAndListsEveryLine(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let header = "title,proposedBy,proposedOn,areas,indicators,decidedBy,decidedOn,start\n"
        let error = try #require(throws: InterventionError.self) {
            try importFile("bad.csv", into: store, header + """
                Klotterplank,team,2026-03-02,torget,klotter,styrgrupp,2026-03-16,2026-04-01
                Belysning,team,2026-13-02,centrum,,,,
                Vakter,team,2026-03-02,"centrum,torg",klotter,styrgrupp,2026-03-01,2026-04-01
                """)
        }
        #expect(error.problems == [
            "line 3: 'proposedOn': '2026-13-02' is not a date (YYYY-MM-DD)",
            "line 4: unknown area 'torg' (did you mean 'torget'?)",
            "line 4: decided on 2026-03-01, before it was proposed on 2026-03-02",
        ])
        #expect(try store.interventions(kommun: "exempel").isEmpty)
        let ids = try importFile("ok.csv", into: store, header + """
            Klotterplank,team,2026-03-02,torget,klotter,styrgrupp,2026-03-16,2026-04-01
            Vakter,team,2026-03-02,"centrum,torget",,,,
            """)
        #expect(ids == ["I-2026-001", "I-2026-002"])
        #expect(try store.interventions(kommun: "exempel")[1].areas == ["centrum", "torget"])
    }
}
