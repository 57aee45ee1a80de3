import Foundation
import StoreTestSupport
import Testing

/// `status set|list|history`, and the lägesbild showing the assessed status beside the computed one, on
/// Tranemo simulated only from 2026-10-01: the year before and the first baseline weeks have no reports,
/// so the lägesbild shows no data there, not 0.
@Suite("Status command", .serialized)
struct StatusCommandTests {
    static let fixtures = StoreFixture.each("cli-status") { directory, store in
        let reports = directory.appendingPathComponent("tranemo.csv").path
        return [try CLI.run(["simulate", "tranemo", "--from", "2026-10-01", "--to", "2026-11-22", "--seed", "11", "--out", reports]),
                try CLI.run(["ingest", "tranemo", reports, "--store", store])]
    }

    private func run(_ arguments: [String], on fixture: StoreFixture) throws -> CLI.Result {
        try CLI.run(arguments + ["--store", fixture.store])
    }

    @Test(arguments: StoreKind.tested) func setListHistoryAndTheLagesbildShowBothStatuses(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let set = try run(["status", "set", "tranemo", "limmared", "orange", "--by", "est-lagesbildsgrupp", "--on", "2026-11-18",
                           "--reason", "Oro kring centrum kvällstid efter flera anmälda skadegörelser"], on: fixture)
        #expect(set.status == 0 && set.stdout == "Limmared: orange från 2026-11-18, bedömd av Lägesbilder (EST)\n", "\(set.stderr)")
        // Set after week 47 ends: in the history, not in the W47 lägesbild.
        #expect(try run(["status", "set", "tranemo", "limmared", "röd", "--by", "est-lagesbildsgrupp", "--on", "2026-11-23",
                         "--reason", "Läget förvärrat"], on: fixture).status == 0)
        let refused = try run(["status", "set", "tranemo", "limared", "red", "--by", "est-lagesbildgrupp", "--on", "2026-11-20",
                               "--reason", "Ring Kim på 070-123 45 67"], on: fixture)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("unknown area 'limared' (did you mean 'limmared'?)"))
        #expect(refused.stderr.contains("unknown assessing body 'est-lagesbildgrupp' (did you mean 'est-lagesbildsgrupp'?)"))
        #expect(refused.stderr.contains("the reason holds a phone number") && !refused.stderr.contains("070"))

        let unknown = try run(["status", "history", "tranemo", "--area", "limared"], on: fixture)
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown area 'limared' (did you mean 'limmared'?)"))
        let list = try run(["status", "list", "tranemo", "--on", "2026-11-22"], on: fixture)
        let history = try run(["status", "history", "tranemo", "--area", "limmared", "--lang", "en"], on: fixture)
        try CLI.expectGolden(list.stdout + "\n" + history.stdout, "status-tranemo.txt")

        let out = fixture.directory.appendingPathComponent("out").path
        let compiled = try run(["lagesbild", "tranemo", "--period", "2026-W47", "--format", "md,json", "--out", out], on: fixture)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let markdown = try String(contentsOfFile: out + "/tranemo-2026-W47.md", encoding: .utf8)
        try CLI.expectGolden(markdown, "lagesbild-tranemo-2026-W47-status.md")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/tranemo-2026-W47.json"))) as? [String: Any]
        let statuses = json?["areaStatuses"] as? [[String: Any]] ?? []
        let limmared = statuses.first { $0["area"] as? String == "limmared" }?["assessed"] as? [String: Any]
        #expect(limmared?["status"] as? String == "orange" && limmared?["on"] as? String == "2026-11-18")
        let cells = json?["cells"] as? [[String: Any]] ?? []
        #expect(!cells.isEmpty && cells.allSatisfy { $0["lastYear"] is NSNull }, "no reports in 2025-W47")
    }
}
