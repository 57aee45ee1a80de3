import Foundation
import StoreTestSupport
import Testing

/// `simulate`, `ingest` and `reports` as a coordinator runs them, on the shipped kommuner.
@Suite("Report commands")
struct ReportCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func simulate(_ kommun: String, from: String, to: String, seed: Int = 3, out: String) throws -> CLI.Result {
        try CLI.run(["simulate", kommun, "--from", from, "--to", to, "--seed", String(seed), "--out", out])
    }

    @Test func simulateIsDeterministicAndIndependentOfTheRange() throws {
        _ = try simulate("tranemo", from: "2026-01-01", to: "2026-03-31", out: path("a.csv"))
        _ = try simulate("tranemo", from: "2026-01-01", to: "2026-03-31", out: path("b.csv"))
        _ = try simulate("tranemo", from: "2026-02-02", to: "2026-02-08", out: path("week.csv"))
        let a = try String(contentsOfFile: path("a.csv"), encoding: .utf8)
        #expect(a == (try String(contentsOfFile: path("b.csv"), encoding: .utf8)))
        #expect(a.split(separator: "\n").count > 200)
        // A week simulated alone is the same rows as that week inside the quarter.
        let week = try String(contentsOfFile: path("week.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let inQuarter = a.split(separator: "\n").filter { line in
            week.contains(line)
        }
        #expect(!week.isEmpty && inQuarter.count == week.count)
        let other = try CLI.run(["simulate", "tranemo", "--from", "2026-01-01", "--to", "2026-03-31", "--seed", "4"])
        #expect(other.stdout != a)
    }

    /// The issue's scenario: a year for both kommuner, ingested twice, then a bad file refused whole.
    @Test(arguments: StoreKind.tested) func yearOfReportsIngestedTwiceThenABadFileIsRefused(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        for kommun in ["lysekil", "tranemo"] {
            #expect(try simulate(kommun, from: "2025-11-24", to: "2026-11-23", out: path("\(kommun).csv")).status == 0)
            let first = try CLI.run(["ingest", kommun, path("\(kommun).csv"), "--store", store])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains(" new, 0 revised, 0 unchanged"))
            let again = try CLI.run(["ingest", kommun, path("\(kommun).csv"), "--store", store])
            #expect(again.stdout.contains(": 0 new, 0 revised, "))
        }
        let before = try Self.state(of: fresh)
        try Data("""
            date;reporter;area;indicator;value;note
            2026-11-20;polismyndigheten;norra-hamnen;klotter;1;Tips från 19811218-9876
            2026-11-21;polismyndigheten;Atlantis;klotter;1;
            """.utf8).write(to: URL(fileURLWithPath: path("bad.csv")))
        let bad = try CLI.run(["ingest", "lysekil", path("bad.csv"), "--store", store])
        #expect(bad.status == 1)
        #expect(bad.stderr == """
            \(path("bad.csv")):2: error: note contains a personnummer or samordningsnummer; personal data is not stored (remove it, or ingest with --redact)
            \(path("bad.csv")):3: error: unknown area 'Atlantis'
            \(path("bad.csv")): refused (2 bad rows); nothing stored

            """)
        #expect(!bad.stderr.contains("9876"))
        #expect(try Self.state(of: fresh) == before)
    }

    /// What a refused delivery must leave as it was: SQLite's file byte for byte, another store's every row.
    private static func state(of fresh: FreshStore) throws -> AnyHashable {
        if fresh.kind == .sqlite { return try Data(contentsOf: URL(fileURLWithPath: fresh.location)) }
        let store = try fresh.open()
        return try store.dataTables().map { try store.content(of: $0) }
    }

    @Test(arguments: StoreKind.tested) func twoIngestsAtOnceLoseNothing(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        _ = try simulate("lysekil", from: "2025-01-01", to: "2025-12-31", seed: 1, out: path("one.csv"))
        _ = try simulate("lysekil", from: "2025-01-01", to: "2025-12-31", seed: 2, out: path("two.csv"))
        let rows = { (name: String) in try String(contentsOfFile: self.path(name), encoding: .utf8).split(separator: "\n").count - 1 }
        let expected = try rows("one.csv") + rows("two.csv")
        let results = try [path("one.csv"), path("two.csv")].map { file in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["ingest", "lysekil", file, "--store", store]
            process.currentDirectoryURL = CLI.packageRoot
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in results { process.waitUntilExit() }
        #expect(results.map(\.terminationStatus) == [0, 0])
        #expect(try fresh.open().rowCount(of: "reports") == expected)
    }

    @Test(arguments: StoreKind.tested) func reportsShowsTotalsAndSilentReporters(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        try Data("""
            date,reporter,area,indicator,value
            2026-11-16,polisen,tranemo,klotter,2
            2026-11-17,polisen,limmared,klotter,1
            2026-W47,tranemo-bostader,dalstorp,otrygg-plats,2
            2026-W47,tranemo-bostader,limmared,otrygg-plats,3

            """.utf8).write(to: URL(fileURLWithPath: path("w47.csv")))
        #expect(try CLI.run(["ingest", "tranemo", path("w47.csv"), "--store", store]).status == 0)
        let result = try CLI.run(["reports", "tranemo", "--period", "2026-W47", "--store", store])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "reports-tranemo-2026-W47.txt")
        // Two level answers, 2 and 3: the highest is shown, not their sum 5; klotter's counts are summed.
        let columns = { (indicator: String) in
            result.stdout.split(separator: "\n").first { $0.contains(indicator) }.map { $0.split(separator: " ").suffix(3).map(String.init) }
        }
        #expect(columns("Otrygg plats") == ["2", "–", "3"])
        #expect(columns("Klotter") == ["2", "3", "–"])
        let english = try CLI.run(["reports", "tranemo", "--period", "2026-W47", "--store", store, "--lang", "en"])
        #expect(english.stdout.contains("reporter") && english.stdout.contains("highest level"))
    }

    @Test(arguments: StoreKind.tested) func oneBadRowIsSaidInTheSingular(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        try Data("""
            date,reporter,area,indicator,value
            2026-11-16,polisen,Atlantis,klotter,2

            """.utf8).write(to: URL(fileURLWithPath: path("one-bad.csv")))
        let result = try CLI.run(["ingest", "tranemo", path("one-bad.csv"), "--store", fresh.location])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix(": refused (1 bad row); nothing stored\n"))
        let skipped = try CLI.run(["ingest", "tranemo", path("one-bad.csv"), "--store", fresh.location, "--skip-invalid"])
        #expect(skipped.stdout.contains("; 1 row refused, written to "), "\(skipped.stdout)")
    }

    /// A file of many bad rows lists the first 50 problems and counts the rest; a long value is cut.
    @Test(arguments: StoreKind.tested) func manyProblemsAreCountedNotAllPrinted(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let long = String(repeating: "Atlantis", count: 2000)
        let rows = (1...120).map { "2026-11-16,polisen,\($0 == 1 ? long : "Atlantis\($0)"),klotter,2" }
        try Data(("date,reporter,area,indicator,value\n" + rows.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: path("many-bad.csv")))
        let result = try CLI.run(["ingest", "tranemo", path("many-bad.csv"), "--store", fresh.location])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 52, "\(lines.count) lines")
        #expect(lines.allSatisfy { $0.utf8.count < 400 })
        #expect(lines.contains("\(path("many-bad.csv")): and 70 more problems"))
        #expect(result.stderr.hasSuffix(": refused (120 bad rows); nothing stored\n"))
    }
}
