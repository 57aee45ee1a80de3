import Foundation
import Platform
import StoreTestSupport
import Testing

/// `lagesbild` on a fixed dataset: Tranemo simulated from 2025-09-01 to 2026-11-22 with seed 11, plus one
/// week in which a reporter stays silent.
@Suite("Lägesbild command", .serialized)
struct LagesbildCommandTests {
    /// The store and output folder of each tested store, built once for the suite.
    static let fixtures = StoreFixture.each("cli-lagesbild") { directory, store in
        let reports = directory.appendingPathComponent("tranemo.csv").path
        let simulate = try CLI.run(["simulate", "tranemo", "--from", "2025-09-01", "--to", "2026-11-22", "--seed", "11", "--out", reports])
        // Fritid stays silent in W47.
        let rows = try String(contentsOfFile: reports, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let silent = rows.filter { row in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return !(fields.count > 2 && fields[2] == "fritid" && (fields[0] == "2026-W47" || fields[0] >= "2026-11-16"))
        }
        try Data(silent.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: reports))
        return [simulate, try CLI.run(["ingest", "tranemo", reports, "--store", store])]
    }

    /// The SQLite store's fixture, for the exporter suites: their subject is a format's output, and the
    /// lägesbild they export is this suite's, which is checked on every store.
    static var fixture: StoreFixture { fixtures[.sqlite]! }

    private func compile(_ arguments: [String], on fixture: StoreFixture) throws -> CLI.Result {
        try CLI.run(["lagesbild", "tranemo", "--period", "2026-W47", "--store", fixture.store,
                     "--out", fixture.directory.appendingPathComponent("out").path] + arguments)
    }

    @Test(arguments: StoreKind.tested, ["sv", "en"])
    func everyFormatMatchesItsGolden(_ kind: StoreKind, language: String) throws {
        let fixture = try Self.fixtures.ready(kind)
        let result = try compile(["--format", "md,json,csv", "--lang", language], on: fixture)
        #expect(result.status == 0, "\(result.stderr)")
        for ext in ["md", "json", "csv"] {
            let text = try String(contentsOfFile: fixture.output("tranemo-2026-W47.\(ext)"), encoding: .utf8)
            try CLI.expectGolden(text, "lagesbild-tranemo-2026-W47-\(language).\(ext)")
        }
    }

    /// value, previous, last_year and baseline per cell, computed by the sqlite3 tool from the store (SQLite
    /// only: the SQL is SQLite's, an independent reader of its file).
    @Test func csvMatchesAnIndependentSQLAggregation() throws {
        let fixture = try Self.fixtures.ready(.sqlite)
        #expect(try compile(["--format", "csv"], on: fixture).status == 0)
        let csv = try String(contentsOfFile: fixture.output("tranemo-2026-W47.csv"), encoding: .utf8)
        var fromPlatform: [String: [String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fromPlatform["\(fields[2]):\(fields[4])"] = Array(fields[6...9])
        }
        // Counts are summed per week; levels take the week's highest answer. Weeks are 7-day buckets
        // from 2026-09-21 (W39): bucket 8 is W47, 7 is W46, 0–7 the baseline; W47 of 2025 starts 2025-11-17.
        let sql = """
            WITH weekly AS (
              SELECT r.area, r.indicator,
                     CAST((julianday(r.date) - julianday('2026-09-21')) / 7 AS INTEGER) AS bucket,
                     CASE WHEN r.indicator = 'otrygg-plats' THEN MAX(r.value) ELSE SUM(r.value) END AS v
              FROM reports r WHERE r.kommun = 'tranemo' AND r.date BETWEEN '2026-09-21' AND '2026-11-22'
              GROUP BY r.area, r.indicator, bucket),
            last_year AS (
              SELECT area, indicator,
                     CASE WHEN indicator = 'otrygg-plats' THEN MAX(value) ELSE SUM(value) END AS v
              FROM reports WHERE kommun = 'tranemo' AND date BETWEEN '2025-11-17' AND '2025-11-23'
              GROUP BY area, indicator),
            cells AS (SELECT DISTINCT area, indicator FROM weekly UNION SELECT area, indicator FROM last_year)
            SELECT c.area || ':' || c.indicator,
                   COALESCE((SELECT v FROM weekly w WHERE w.area = c.area AND w.indicator = c.indicator AND bucket = 8), 0),
                   COALESCE((SELECT v FROM weekly w WHERE w.area = c.area AND w.indicator = c.indicator AND bucket = 7), 0),
                   COALESCE((SELECT v FROM last_year l WHERE l.area = c.area AND l.indicator = c.indicator), 0),
                   ROUND(COALESCE((SELECT SUM(v) FROM weekly w WHERE w.area = c.area AND w.indicator = c.indicator AND bucket < 8), 0) / 8.0, 2)
            FROM cells c ORDER BY 1
            """
        let rows = try CLI.sqliteRows(fixture.store, sql)
        #expect(rows.count > 50)
        var checked = Set<String>()
        for row in rows {
            let key = row[0]
            let expected = row[1...4].map { Self.normalized($0) }
            #expect(fromPlatform[key]?.map { Self.normalized($0) } == expected, "cell \(key)")
            checked.insert(key)
        }
        // Every other cell had no reports at all.
        for (key, values) in fromPlatform where !checked.contains(key) {
            #expect(values == ["0", "0", "0", "0"], "cell \(key)")
        }
    }

    @Test(arguments: StoreKind.tested) func aSilentReporterShowsAsMissing(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        // The fixture leaves out Fritid's W47 rows; the store, read directly, confirms it.
        let store = try #require(fixture.fresh).open()
        #expect(try store.reports(kommun: "tranemo", reporter: "fritid", from: CalendarDate(iso: "2026-11-16")!,
                                  to: CalendarDate(iso: "2026-11-22")!).isEmpty)
        #expect(try compile(["--format", "md,json"], on: fixture).status == 0)
        let markdown = try String(contentsOfFile: fixture.output("tranemo-2026-W47.md"), encoding: .utf8)
        #expect(markdown.contains("förväntade rapportörer har rapporterat; saknas: ") && markdown.contains(", Fritid.\n"))
        #expect(markdown.contains("| Fritid | 0 | saknas |"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture.output("tranemo-2026-W47.json")))) as? [String: Any]
        let reporters = ((json?["completeness"] as? [String: Any])?["reporters"] as? [[String: Any]]) ?? []
        #expect(reporters.first { $0["id"] as? String == "fritid" }?["reported"] as? Bool == false)
    }

    /// A format that declares it shows less of the lägesbild (the CSV: the cells) is written the same when
    /// the run compiles only its parts as when another format makes the run compile everything.
    @Test(arguments: StoreKind.tested, ["md", "csv", "geojson", "html", "ics"])
    func aFormatWrittenAloneEqualsItWrittenBesideJSON(_ kind: StoreKind, format: String) throws {
        let fixture = try Self.fixtures.ready(kind)
        let name = "tranemo-2026-W47.\(format)"
        let alone = fixture.directory.appendingPathComponent("alone-\(format)").path
        let beside = fixture.directory.appendingPathComponent("beside-\(format)").path
        #expect(try compile(["--format", format, "--out", alone], on: fixture).status == 0)
        #expect(try compile(["--format", "\(format),json", "--out", beside], on: fixture).status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: "\(alone)/\(name)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(beside)/\(name)")) == written)
    }

    /// `--all` compiles the kommuner on all cores: the same files, byte for byte, as one kommun at a time,
    /// listed in the kommuner's order, with a progress line for each.
    @Test(arguments: StoreKind.tested) func allKommunerGiveTheSameFilesAsOneAtATime(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let kommuner = ["lysekil", "tranemo"], formats = ["md", "json", "csv"]
        let batch = fixture.directory.appendingPathComponent("batch").path
        let arguments = ["--period", "2026-W47", "--format", formats.joined(separator: ","), "--store", fixture.store]
        let result = try CLI.run(["lagesbild", "--all", "--out", batch] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let written = kommuner.flatMap { kommun in formats.map { "\(batch)/\(kommun)-2026-W47.\($0)" } }
        #expect(result.stdout.split(separator: "\n").map(String.init) == written)
        #expect(result.stderr.contains("[1/2] ") && result.stderr.contains("[2/2] "))
        for kommun in kommuner {
            let single = fixture.directory.appendingPathComponent("single-\(kommun)").path
            #expect(try CLI.run(["lagesbild", kommun, "--out", single] + arguments).status == 0)
            for format in formats {
                let name = "\(kommun)-2026-W47.\(format)"
                let one = try Data(contentsOf: URL(fileURLWithPath: "\(single)/\(name)"))
                #expect(try Data(contentsOf: URL(fileURLWithPath: "\(batch)/\(name)")) == one, "\(name)")
            }
        }
    }

    /// The compiled configuration cache changes nothing written: `--all` without a cache, filling a fresh
    /// one, and reading from it write the same bytes; `validate` writes no entry.
    @Test(arguments: StoreKind.tested) func theConfigurationCacheChangesNoOutput(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let cache = fixture.directory.appendingPathComponent("config-cache-\(kind)").path
        try? FileManager.default.removeItem(atPath: cache)
        let formats = ["md", "json", "csv", "html"]
        let arguments = ["--period", "2026-W47", "--format", formats.joined(separator: ","), "--store", fixture.store]
        #expect(try CLI.run(["validate"], environment: ["PLATFORM_CACHE": cache]).status == 0)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [] == [])
        var outputs: [[Data]] = []
        for (run, setting) in [("none", "off"), ("filling", cache), ("reading", cache)] {
            let out = fixture.directory.appendingPathComponent("cache-\(kind)-\(run)").path
            let result = try CLI.run(["lagesbild", "--all", "--out", out] + arguments, environment: ["PLATFORM_CACHE": setting])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try ["lysekil", "tranemo"].flatMap { kommun in
                try formats.map { try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(kommun)-2026-W47.\($0)")) }
            })
            if run == "filling" { #expect(try FileManager.default.contentsOfDirectory(atPath: cache).count == 2) }
        }
        #expect(outputs[1] == outputs[0] && outputs[2] == outputs[0])
    }

    /// With `--all`, a kommun file with errors, or one that repeats another file's kommun id, is reported
    /// and fails the run; the other kommuner are still written.
    @Test(arguments: StoreKind.tested) func allReportsBrokenKommunFilesAndCompilesTheRest(_ kind: StoreKind) throws {
        let fixture = try Self.fixtures.ready(kind)
        let folder = fixture.directory.appendingPathComponent("broken-municipalities")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tranemo = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("municipalities/tranemo.yaml").path, encoding: .utf8)
        let lysekil = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("municipalities/lysekil.yaml").path, encoding: .utf8)
        try tranemo.write(to: folder.appendingPathComponent("tranemo.yaml"), atomically: true, encoding: .utf8)
        try tranemo.write(to: folder.appendingPathComponent("tranemo-kopia.yaml"), atomically: true, encoding: .utf8)
        try lysekil.replacingOccurrences(of: "\nkommun:\n", with: "\nkommun:\n  invånare: 14000\n")
            .write(to: folder.appendingPathComponent("lysekil.yaml"), atomically: true, encoding: .utf8)
        let out = fixture.directory.appendingPathComponent("broken-out").path
        let result = try CLI.run(["lagesbild", "--all", "--period", "2026-W47", "--format", "csv", "--store", fixture.store,
                                  "--municipalities", folder.path, "--out", out])
        #expect(result.status == 1)
        #expect(result.stdout == "\(out)/tranemo-2026-W47.csv\n")
        #expect(result.stderr.contains("error: \(folder.path)/lysekil.yaml gives no lägesbild: 1 error (platform-cli validate \(folder.path)/lysekil.yaml)"))
        #expect(result.stderr.contains("error: \(folder.path)/tranemo.yaml gives no lägesbild: kommun id 'tranemo' is already used by \(folder.path)/tranemo-kopia.yaml"))
    }

    @Test(arguments: StoreKind.tested) func unknownFormatFailsBeforeWritingAnything(_ kind: StoreKind) throws {
        let result = try compile(["--format", "md,pdf"], on: try Self.fixtures.ready(kind))
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown format 'pdf' (known: md, json, csv, geojson, html, ics, template:epost, template:publik)"))
    }

    /// "2.0" and "2" are the same number; "0.13" stays as written.
    static func normalized(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Issue 11: the "Stigande" (rising) table listed a red level whose change is 0.
@Suite("Rising cells")
struct RisingCellTests {
    @Test(arguments: StoreKind.tested) func aLevelAtRedThatHasNotMovedIsNotRising(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let directory = fresh.folder, store = fresh.location
        // Dalstorp answers the highest level (3 of 0–3) every week from W39 to W47; Limmared only in W47.
        let weeks = (39...47).map { "2026-W\($0),polisen,dalstorp,otrygg-plats,3" }
        let csv = (["date,reporter,area,indicator,value"] + weeks + ["2026-W47,polisen,limmared,otrygg-plats,3", ""]).joined(separator: "\n")
        try Data(csv.utf8).write(to: directory.appendingPathComponent("levels.csv"))
        #expect(try CLI.run(["ingest", "tranemo", directory.appendingPathComponent("levels.csv").path, "--store", store]).status == 0)
        let out = directory.appendingPathComponent("out")
        let result = try CLI.run(["lagesbild", "tranemo", "--period", "2026-W47", "--format", "json,md", "--store", store, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("tranemo-2026-W47.json"))) as? [String: Any]
        let cells = (json?["cells"] as? [[String: Any]] ?? []).filter { $0["indicator"] as? String == "otrygg-plats" }
        let dalstorp = try #require(cells.first { $0["area"] as? String == "dalstorp" })
        #expect(dalstorp["change"] as? Double == 0 && dalstorp["status"] as? String == "red")
        let rising = ((json?["highlights"] as? [String: Any])?["rising"] as? [[String: Any]] ?? []).map { "\($0["area"] ?? "")" }
        #expect(rising == ["limmared"])
        let markdown = try String(contentsOf: out.appendingPathComponent("tranemo-2026-W47.md"), encoding: .utf8)
        #expect(markdown.contains("| Limmared | Otrygg plats | 3 |") && !markdown.contains("| Dalstorp | Otrygg plats |"))
    }
}
