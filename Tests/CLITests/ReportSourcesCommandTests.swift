import Foundation
import StoreTestSupport
import Testing

/// A kommun with police statistics and a digital trygghetsvandring beside its two observers
/// (`Tests/CLITests/Fixtures/sources/kallstad.yaml`): simulated, ingested, listed and compiled.
@Suite("Report sources commands", .serialized)
struct ReportSourcesCommandTests {
    /// The store of each tested kind, built once for the suite: half a year simulated with seed 5, and two
    /// public reports.
    static let fixtures = StoreFixture.each("cli-sources") { directory, store in
        let reports = directory.appendingPathComponent("kallstad.csv").path
        let simulate = try CLI.run(["simulate", "kallstad", "--from", "2026-05-01", "--to", "2026-11-23", "--seed", "5",
                                    "--intensity", "3", "--out", reports] + municipalities)
        let residents = directory.appendingPathComponent("trygghetsvandring.csv").path
        try Data("""
            date,reporter,area,indicator,value,note
            2026-11-18,trygghetsvandring,torget,skadegorelse,1,Trasig belysning vid trappan
            2026-11-19,trygghetsvandring,hamnen,otrygg-plats,2,

            """.utf8).write(to: URL(fileURLWithPath: residents))
        return [simulate, try CLI.run(["ingest", "kallstad", reports, residents, "--store", store] + municipalities)]
    }
    static let municipalities = ["--municipalities", "Tests/CLITests/Fixtures/sources"]

    private func run(_ arguments: [String], on fixture: StoreFixture) throws -> CLI.Result {
        try CLI.run(arguments + ["--store", fixture.store] + Self.municipalities)
    }

    @Test func simulateWritesMonthlyStatistics() throws {
        let result = try CLI.run(["simulate", "kallstad", "--from", "2026-10-01", "--to", "2026-10-31", "--seed", "5"] + Self.municipalities)
        let statistics = result.stdout.split(separator: "\n").filter { $0.contains(",polisen-statistik,") }
        // September's counts, written on 1 October: 3 areas × 1 count indicator; the observers never name the statistics reporter.
        #expect(statistics.count == 3)
        #expect(statistics.allSatisfy { $0.hasPrefix("2026-09,,polisen-statistik,") })
        #expect(!result.stdout.contains(",trygghetsvandring,"))
    }

    @Test(arguments: StoreKind.tested) func lagesbildShowsStatisticsBesideObservations(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let out = fixture.directory.appendingPathComponent("out")
        let result = try run(["lagesbild", "kallstad", "--period", "2026-W47", "--format", "md,json,csv,html", "--out", out.path], on: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        for ext in ["md", "json", "csv", "html"] {
            let text = try String(contentsOf: out.appendingPathComponent("kallstad-2026-W47.\(ext)"), encoding: .utf8)
            try CLI.expectGolden(text, "lagesbild-kallstad-2026-W47-sv.\(ext)")
        }
    }

    @Test(arguments: StoreKind.tested) func inEnglish(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let out = fixture.directory.appendingPathComponent("out-en")
        let result = try run(["lagesbild", "kallstad", "--period", "2026-W47", "--format", "md", "--lang", "en", "--out", out.path], on: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        try CLI.expectGolden(try String(contentsOf: out.appendingPathComponent("kallstad-2026-W47.md"), encoding: .utf8),
                             "lagesbild-kallstad-2026-W47-en.md")
    }

    @Test func orgNamesWhatEachReporterDelivers() throws {
        let result = try CLI.run(["org", "kallstad"] + Self.municipalities)
        #expect(result.stdout.contains("Rapportörer: Polismyndigheten, Källstadsbostäder, Polisens statistik över anmälda brott (statistik), Digital trygghetsvandring (allmänheten)"))
    }

    @Test(arguments: StoreKind.tested) func reportsListsEachLineWithItsSource(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let result = try run(["reports", "kallstad", "--period", "2026-10"], on: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        try CLI.expectGolden(result.stdout, "reports-kallstad-2026-10.txt")
    }

    @Test(arguments: StoreKind.tested) func anObserverDatingByAMonthIsRefusedByLine(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let file = fixture.directory.appendingPathComponent("month.csv").path
        try Data("""
            date,reporter,area,indicator,value
            2026-11,polisen-statistik,centrum,skadegorelse,4
            2026-11,polisen,centrum,skadegorelse,4

            """.utf8).write(to: URL(fileURLWithPath: file))
        let result = try run(["ingest", "kallstad", file], on: fixture)
        #expect(result.status == 1)
        // The refusal's last line ("refused (1 bad row…); nothing stored") is the ingest command's own.
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[1].hasPrefix("\(file): refused (1 bad row") && lines[1].hasSuffix("nothing stored"))
        #expect(lines.first == "\(file):3: error: date '2026-11' is a period (month); reporter 'polisen' delivers observations, dated by a day (YYYY-MM-DD) or an ISO week such as 2026-W47 (only a reporter with source: statistics may date rows by a month, quarter or year)")
    }
}
