import Foundation
import Testing

/// The example kommuner in `municipalities/examples/`, run through the commands from their YAML alone:
/// Kumla compiles a monthly lägesbild and a tertial analysis, and sets priorities per tertial.
@Suite("Example kommuner", .serialized)
struct ExampleKommunerTests {
    static let fixture = Fixture()
    static let examples = ["--municipalities", "municipalities/examples"]

    /// Kumla simulated from 2024-01-01 to 2026-11-22 with seed 5, in one store, built once for the suite.
    final class Fixture: @unchecked Sendable {
        let directory: URL
        let store: String
        let setupError: String?

        init() {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-examples-\(UUID().uuidString)")
            store = directory.appendingPathComponent("store.sqlite").path
            var problem: String?
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let reports = directory.appendingPathComponent("kumla.csv").path
                let simulate = try CLI.run(["simulate", "kumla", "--from", "2024-01-01", "--to", "2026-11-22", "--seed", "5", "--out", reports] + examples)
                let ingest = try CLI.run(["ingest", "kumla", reports, "--store", store] + examples)
                if simulate.status != 0 || ingest.status != 0 { problem = simulate.stderr + ingest.stderr }
            } catch {
                problem = "\(error)"
            }
            setupError = problem
        }

        func output(_ name: String) -> String { directory.appendingPathComponent("out").appendingPathComponent(name).path }
    }

    private func run(_ arguments: [String]) throws -> CLI.Result {
        try #require(Self.fixture.setupError == nil, "\(Self.fixture.setupError ?? "")")
        return try CLI.run(arguments + Self.examples + ["--store", Self.fixture.store])
    }

    private func lagesbild(_ arguments: [String]) throws -> CLI.Result {
        try run(["lagesbild", "kumla", "--out", Self.fixture.directory.appendingPathComponent("out").path] + arguments)
    }

    @Test func theExamplesValidate() throws {
        let result = try CLI.run(["validate", "municipalities/examples"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// `--period 2026-T3` compiles the tertial analysis (its readers, its baseline of eight tertials), and
    /// `last` the monthly lägesbild; each file carries its lägesbild's id.
    @Test func tertialAnalysisAndMonthlyLagesbild() throws {
        let tertial = try lagesbild(["--period", "2026-T3", "--format", "md,json"])
        #expect(tertial.status == 0, "\(tertial.stderr)")
        for ext in ["md", "json"] {
            let text = try String(contentsOfFile: Self.fixture.output("kumla-tertialanalys-2026-T3.\(ext)"), encoding: .utf8)
            try CLI.expectGolden(text, "lagesbild-kumla-tertialanalys-2026-T3.\(ext)")
        }
        let month = try lagesbild(["--format", "md"])
        #expect(month.status == 0 && month.stdout.hasSuffix("kumla-manad-2026-10.md\n"), "\(month.stdout)\(month.stderr)")
        let markdown = try String(contentsOfFile: Self.fixture.output("kumla-manad-2026-10.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Lägesbild Kumla kommun, oktober 2026\n"))
        #expect(markdown.contains("Läses av: EST-gruppen."))
        // A two-week id is a period of its own kind: the main (monthly) lägesbild is compiled for it.
        #expect(try lagesbild(["--period", "2026-W45-46", "--format", "csv"]).status == 0)
        let wrong = try lagesbild(["--lagesbild", "tertial", "--format", "csv"])
        #expect(wrong.status != 0 && wrong.stderr.contains("did you mean 'tertialanalys'?"), "\(wrong.stderr)")
    }

    /// value, previous, last_year and baseline per cell of the tertial analysis, computed by the sqlite3
    /// tool from the store: tertials are numbered year × 3 + (month − 1) / 4, so 2026-T3 is 6080.
    @Test func tertialCellsMatchAnIndependentSQLAggregation() throws {
        #expect(try lagesbild(["--period", "2026-T3", "--format", "csv"]).status == 0)
        let csv = try String(contentsOfFile: Self.fixture.output("kumla-tertialanalys-2026-T3.csv"), encoding: .utf8)
        var fromPlatform: [String: [String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fromPlatform["\(fields[2]):\(fields[4])"] = Array(fields[6...9])
        }
        let sql = """
            WITH t AS (
              SELECT area, indicator,
                     CAST(strftime('%Y', date) AS INTEGER) * 3 + (CAST(strftime('%m', date) AS INTEGER) - 1) / 4 AS tertial,
                     CASE WHEN indicator = 'otrygg-plats' THEN MAX(value) ELSE SUM(value) END AS v
              FROM reports WHERE kommun = 'kumla' GROUP BY area, indicator, tertial),
            cells AS (SELECT DISTINCT area, indicator FROM t)
            SELECT c.area || ':' || c.indicator,
                   COALESCE((SELECT v FROM t WHERE t.area = c.area AND t.indicator = c.indicator AND tertial = 6080), 0),
                   COALESCE((SELECT v FROM t WHERE t.area = c.area AND t.indicator = c.indicator AND tertial = 6079), 0),
                   COALESCE((SELECT v FROM t WHERE t.area = c.area AND t.indicator = c.indicator AND tertial = 6077), 0),
                   ROUND(COALESCE((SELECT SUM(v) FROM t WHERE t.area = c.area AND t.indicator = c.indicator
                                   AND tertial BETWEEN 6072 AND 6079), 0) / 8.0, 2)
            FROM cells c ORDER BY 1
            """
        let rows = try CLI.sqliteRows(Self.fixture.store, sql)
        #expect(rows.count > 20)
        for row in rows {
            #expect(fromPlatform[row[0]]?.map(LagesbildCommandTests.normalized) == row[1...4].map(LagesbildCommandTests.normalized), "cell \(row[0])")
        }
    }

    @Test func tertialPrioritiesDeadlinesAndCalendar() throws {
        let propose = try run(["prioritet", "propose", "kumla", "--period", "2027-T1"])
        #expect(propose.status == 0, "\(propose.stderr)")
        try CLI.expectGolden(propose.stdout, "prioritet-propose-kumla-2027-T1.txt")
        let quarter = try run(["prioritet", "propose", "kumla", "--period", "2027-Q1"])
        #expect(quarter.status != 0 && quarter.stderr.contains("kumla sets priorities per tertial; give a tertial such as 2027-T1"))
        let due = try run(["due", "kumla", "--period", "2026-T2"])
        #expect(due.stdout.hasPrefix("Kumla kommun, tertial 2 2026: rapporter senast 2026-09-08 13:00 (Styrgrupp för trygghet och brottsförebyggande arbete 2026-09-08 13:00)"), "\(due.stdout)")
        let calendar = try run(["calendar", "kumla", "--period", "2027-T1", "--format", "text"])
        #expect(calendar.status == 0, "\(calendar.stderr)")
        try CLI.expectGolden(calendar.stdout, "calendar-kumla-2027-T1.txt")
    }

    /// `lagesbild --all` writes every lägesbild of every kommun in its own last period.
    @Test func allWritesEachLagesbildInItsOwnPeriod() throws {
        let all = try run(["lagesbild", "--all", "--format", "csv", "--out", Self.fixture.directory.appendingPathComponent("all").path])
        #expect(all.status == 0, "\(all.stderr)")
        let written = all.stdout.split(separator: "\n").map { $0.split(separator: "/").last.map(String.init) ?? "" }
        #expect(written.contains("kumla-manad-2026-10.csv") && written.contains("kumla-tertialanalys-2026-T2.csv"), "\(written)")
        let tertials = try run(["lagesbild", "--all", "--period", "2026-T3", "--format", "csv", "--out", Self.fixture.directory.appendingPathComponent("all").path])
        #expect(tertials.stdout.split(separator: "\n").filter { $0.contains("kumla") }.map { $0.split(separator: "/").last! } == ["kumla-tertialanalys-2026-T3.csv"])
    }
}
