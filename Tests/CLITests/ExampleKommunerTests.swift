import Foundation
import StoreTestSupport
import Testing

/// The example kommuner in `municipalities/examples/`, run through the commands from their YAML alone:
/// Kumla compiles a monthly lägesbild and a tertial analysis, sets priorities per tertial and has police
/// statistics beside its observations; Örebro has a local EST group with its own lägesbild per district,
/// decides priority areas every week, rates areas by its own status rules, and declares social oro per district.
@Suite("Example kommuner", .serialized)
struct ExampleKommunerTests {
    /// Kumla simulated from 2024-01-01 and Örebro from 2025-06-01, both to 2026-11-22 with seed 5, in one store
    /// of each tested kind, built once for the suite.
    static let fixtures = StoreFixture.each("cli-examples") { directory, store in
        try [("kumla", "2024-01-01"), ("orebro", "2025-06-01")].flatMap { kommun, from in
            let reports = directory.appendingPathComponent("\(kommun).csv").path
            return [try CLI.run(["simulate", kommun, "--from", from, "--to", "2026-11-22", "--seed", "5", "--out", reports] + examples),
                    try CLI.run(["ingest", kommun, reports, "--store", store] + examples)]
        }
    }
    static let examples = ["--municipalities", "municipalities/examples"]

    /// Runs a command on `fixture`'s store, or on `store` (a copy of it) when given.
    private func run(_ arguments: [String], on fixture: StoreFixture, store: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments + Self.examples + ["--store", store ?? fixture.store])
    }

    private func lagesbild(_ arguments: [String], on fixture: StoreFixture, kommun: String = "kumla", store: String? = nil) throws -> CLI.Result {
        try run(["lagesbild", kommun, "--out", fixture.directory.appendingPathComponent("out").path] + arguments, on: fixture, store: store)
    }

    @Test func theExamplesValidate() throws {
        let result = try CLI.run(["validate", "municipalities/examples"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The organisation as the platform reads it: Kumla's two lägesbilder, Örebro's district groups with
    /// their areas, the reporters' sources.
    @Test(arguments: ["kumla", "orebro"])
    func organisationMatchesItsGolden(kommun: String) throws {
        let result = try CLI.run(["org", kommun] + Self.examples)
        #expect(result.status == 0, "\(result.stderr)")
        try CLI.expectGolden(result.stdout, "org-\(kommun).txt")
    }

    /// `--period 2026-T3` compiles the tertial analysis (its readers, its baseline of eight tertials), and
    /// `last` the monthly lägesbild; each file carries its lägesbild's id.
    @Test(arguments: StoreKind.tested) func tertialAnalysisAndMonthlyLagesbild(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let tertial = try lagesbild(["--period", "2026-T3", "--format", "md,json"], on: fixture)
        #expect(tertial.status == 0, "\(tertial.stderr)")
        for ext in ["md", "json"] {
            let text = try String(contentsOfFile: fixture.output("kumla-tertialanalys-2026-T3.\(ext)"), encoding: .utf8)
            try CLI.expectGolden(text, "lagesbild-kumla-tertialanalys-2026-T3.\(ext)")
        }
        let month = try lagesbild(["--format", "md"], on: fixture)
        #expect(month.status == 0 && month.stdout.hasSuffix("kumla-manad-2026-10.md\n"), "\(month.stdout)\(month.stderr)")
        let markdown = try String(contentsOfFile: fixture.output("kumla-manad-2026-10.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Lägesbild Kumla kommun, oktober 2026\n"))
        #expect(markdown.contains("Läses av: EST-gruppen."))
        // A two-week id is a period of its own kind: the main (monthly) lägesbild is compiled for it.
        #expect(try lagesbild(["--period", "2026-W45-46", "--format", "csv"], on: fixture).status == 0)
        let wrong = try lagesbild(["--lagesbild", "tertial", "--format", "csv"], on: fixture)
        #expect(wrong.status != 0 && wrong.stderr.contains("did you mean 'tertialanalys'?"), "\(wrong.stderr)")
    }

    /// value, previous, last_year and baseline per cell of the tertial analysis, computed by the sqlite3
    /// tool from the store's observations (the police statistics are shown beside them, never summed in):
    /// tertials are numbered year × 3 + (month − 1) / 4, so 2026-T3 is 6080. SQLite only: the SQL is SQLite's,
    /// an independent reader of its file.
    @Test func tertialCellsMatchAnIndependentSQLAggregation() throws {
        let fixture = try Self.fixtures.ready(.sqlite)
        #expect(try lagesbild(["--period", "2026-T3", "--format", "csv"], on: fixture).status == 0)
        let csv = try String(contentsOfFile: fixture.output("kumla-tertialanalys-2026-T3.csv"), encoding: .utf8)
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
              FROM reports WHERE kommun = 'kumla' AND source IS NULL GROUP BY area, indicator, tertial),
            cells AS (SELECT DISTINCT area, indicator FROM t)
            SELECT c.area || ':' || c.indicator,
                   COALESCE((SELECT v FROM t WHERE t.area = c.area AND t.indicator = c.indicator AND tertial = 6080), 0),
                   COALESCE((SELECT v FROM t WHERE t.area = c.area AND t.indicator = c.indicator AND tertial = 6079), 0),
                   COALESCE((SELECT v FROM t WHERE t.area = c.area AND t.indicator = c.indicator AND tertial = 6077), 0),
                   ROUND(COALESCE((SELECT SUM(v) FROM t WHERE t.area = c.area AND t.indicator = c.indicator
                                   AND tertial BETWEEN 6072 AND 6079), 0) / 8.0, 2)
            FROM cells c ORDER BY 1
            """
        let rows = try CLI.sqliteRows(fixture.store, sql)
        #expect(rows.count > 20)
        for row in rows {
            #expect(fromPlatform[row[0]]?.map(LagesbildCommandTests.normalized) == row[1...4].map(LagesbildCommandTests.normalized), "cell \(row[0])")
        }
    }

    @Test(arguments: StoreKind.tested) func tertialPrioritiesDeadlinesAndCalendar(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let propose = try run(["prioritet", "propose", "kumla", "--period", "2027-T1"], on: fixture)
        #expect(propose.status == 0, "\(propose.stderr)")
        try CLI.expectGolden(propose.stdout, "prioritet-propose-kumla-2027-T1.txt")
        let quarter = try run(["prioritet", "propose", "kumla", "--period", "2027-Q1"], on: fixture)
        #expect(quarter.status != 0 && quarter.stderr.contains("kumla sets priorities per tertial; give a tertial such as 2027-T1"))
        let due = try run(["due", "kumla", "--period", "2026-T2"], on: fixture)
        #expect(due.stdout.hasPrefix("Kumla kommun, tertial 2 2026: rapporter senast 2026-09-08 13:00 (Styrgrupp för trygghet och brottsförebyggande arbete 2026-09-08 13:00)"), "\(due.stdout)")
        let calendar = try run(["calendar", "kumla", "--period", "2027-T1", "--format", "text"], on: fixture)
        #expect(calendar.status == 0, "\(calendar.stderr)")
        try CLI.expectGolden(calendar.stdout, "calendar-kumla-2027-T1.txt")
    }

    /// `lagesbild --all` writes every lägesbild of every kommun in its own last period.
    @Test(arguments: StoreKind.tested) func allWritesEachLagesbildInItsOwnPeriod(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let all = try run(["lagesbild", "--all", "--format", "csv", "--out", fixture.directory.appendingPathComponent("all").path], on: fixture)
        #expect(all.status == 0, "\(all.stderr)")
        let written = all.stdout.split(separator: "\n").map { $0.split(separator: "/").last.map(String.init) ?? "" }
        #expect(written.contains("kumla-manad-2026-10.csv") && written.contains("kumla-tertialanalys-2026-T2.csv"), "\(written)")
        let tertials = try run(["lagesbild", "--all", "--period", "2026-T3", "--format", "csv", "--out", fixture.directory.appendingPathComponent("all").path], on: fixture)
        #expect(tertials.stdout.split(separator: "\n").filter { $0.contains("kumla") }.map { $0.split(separator: "/").last! } == ["kumla-tertialanalys-2026-T3.csv"])
    }

    /// Each district group's own lägesbild, in its own rhythm (Baronbackarna's every other week), and `--all`
    /// writing the city's and one per local group.
    @Test(arguments: StoreKind.tested) func districtLagesbilder(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let vivalla = try lagesbild(["--area", "vivalla", "--period", "2026-W47", "--format", "md"], on: fixture, kommun: "orebro")
        #expect(vivalla.status == 0, "\(vivalla.stderr)")
        try CLI.expectGolden(try String(contentsOfFile: fixture.output("orebro-vivalla-2026-W47.md"), encoding: .utf8),
                             "lagesbild-orebro-vivalla-2026-W47.md")
        // Vivalla's cells are Vivalla's and Vivalla centrum's observations in W47 (by the sqlite3 tool on SQLite:
        // the SQL is SQLite's; on another store the golden above pins them).
        #expect(try lagesbild(["--area", "vivalla", "--period", "2026-W47", "--format", "csv"], on: fixture, kommun: "orebro").status == 0)
        let csv = try String(contentsOfFile: fixture.output("orebro-vivalla-2026-W47.csv"), encoding: .utf8)
        let cells = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(Set(cells.map { $0[2] }) == ["vivalla", "vivalla-centrum"])
        if kind == .sqlite {
            let sql = try CLI.sqliteRows(fixture.store, """
                SELECT area || ':' || indicator, CASE WHEN indicator = 'otrygg-plats' THEN MAX(value) ELSE SUM(value) END FROM reports
                WHERE kommun = 'orebro' AND source IS NULL AND area IN ('vivalla', 'vivalla-centrum')
                  AND date BETWEEN '2026-11-16' AND '2026-11-22' GROUP BY area, indicator
                """)
            let values = Dictionary(uniqueKeysWithValues: cells.map { ("\($0[2]):\($0[4])", LagesbildCommandTests.normalized($0[6])) })
            #expect(!sql.isEmpty)
            for row in sql { #expect(values[row[0]] == LagesbildCommandTests.normalized(row[1]), "cell \(row[0])") }
            let reported = Set(sql.map { $0[0] })
            for (key, value) in values where !reported.contains(key) && !key.hasSuffix(":otrygg-plats") { #expect(value == "0", "cell \(key)") }
        }
        let all = try run(["lagesbild", "--all", "--format", "csv", "--out", fixture.directory.appendingPathComponent("all-orebro").path], on: fixture)
        let written = all.stdout.split(separator: "\n").compactMap { $0.split(separator: "/").last.map(String.init) }.filter { $0.hasPrefix("orebro") }
        #expect(written == ["orebro-stad-2026-W47.csv", "orebro-vivalla-2026-W47.csv", "orebro-varberga-2026-W47.csv",
                            "orebro-baronbackarna-2026-W46-47.csv"], "\(written) \(all.stderr)")
        // A district without a group of its own: the city's lägesbild for that area.
        let oxhagen = try lagesbild(["--area", "oxhagen", "--period", "2026-W47", "--format", "csv"], on: fixture, kommun: "orebro")
        #expect(oxhagen.stdout.hasSuffix("orebro-stad-oxhagen-2026-W47.csv\n"), "\(oxhagen.stdout)\(oxhagen.stderr)")
        let due = try run(["due", "orebro", "--area", "baronbackarna"], on: fixture)
        #expect(due.stdout.hasPrefix("Örebro kommun, vecka 46–47 2026: rapporter senast 2026-11-25 13:00 (Lokal EST-grupp Baronbackarna 2026-11-25 13:00)"),
                "\(due.stdout)\(due.stderr)")
    }

    /// Social oro declared in Vivalla raises Vivalla's group only; the local group's assessed status shows
    /// beside the one computed by Örebro's rules, in the kommun's names for the levels.
    @Test(arguments: StoreKind.tested) func socialOroAndAssessedStatusInOneDistrict(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let copy = try fixture.copiedStore(), store = copy.location
        let declare = try run(["escalation", "declare", "orebro", "social-oro", "--area", "vivalla", "--from", "2026-11-23"], on: fixture, store: store)
        #expect(declare.status == 0, "\(declare.stderr)")
        let calendar = try run(["calendar", "orebro", "--period", "2026-W48", "--format", "text"], on: fixture, store: store)
        try CLI.expectGolden(calendar.stdout, "calendar-orebro-2026-W48-social-oro-vivalla.txt")
        let set = try run(["status", "set", "orebro", "vivalla", "orange", "--by", "lokal-est-vivalla", "--on", "2026-11-19",
                           "--reason", "Oro efter flera bränder i området"], on: fixture, store: store)
        #expect(set.stdout == "Vivalla: Oro från 2026-11-19, bedömd av Lokal EST-grupp Vivalla\n", "\(set.stdout)\(set.stderr)")
        let vivalla = try lagesbild(["--area", "vivalla", "--period", "2026-W47", "--format", "json"], on: fixture, kommun: "orebro", store: store)
        #expect(vivalla.status == 0, "\(vivalla.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture.output("orebro-vivalla-2026-W47.json")))) as? [String: Any]
        let statuses = json?["areaStatuses"] as? [[String: Any]] ?? []
        let area = statuses.first { $0["area"] as? String == "vivalla" }
        #expect((area?["assessed"] as? [String: Any])?["status"] as? String == "orange", "\(statuses)")
        #expect((area?["assessed"] as? [String: Any])?["statusLabel"] as? String == "Oro")
    }

    /// The city check-in decides two priority areas every week.
    @Test(arguments: StoreKind.tested) func weeklyPriorities(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let propose = try run(["prioritet", "propose", "orebro", "--period", "2026-W48"], on: fixture)
        #expect(propose.status == 0, "\(propose.stderr)")
        try CLI.expectGolden(propose.stdout, "prioritet-propose-orebro-2026-W48.txt")
        let copy = try fixture.copiedStore(), store = copy.location
        let decide = try run(["prioritet", "decide", "orebro", "--period", "2026-W48", "--areas", "varbergatorget,jarntorget",
                              "--by", "veckoavstamning", "--on", "2026-11-24"], on: fixture, store: store)
        #expect(decide.status == 0, "\(decide.stderr)")
        let month = try run(["prioritet", "propose", "orebro", "--period", "2026-11"], on: fixture)
        #expect(month.status != 0 && month.stderr.contains("orebro sets priorities per week; give a week such as 2026-W44"), "\(month.stderr)")
    }
}
