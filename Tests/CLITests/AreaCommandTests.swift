import Foundation
import StoreTestSupport
import Testing

/// A city with a local EST group per district (Tests/PlatformTests/Fixtures/districts/stad.yaml): social oro
/// declared in one district, and that district's own lägesbild (issue 11).
@Suite("Areas on the command line")
struct AreaCommandTests {
    let directory: URL
    let municipalities = ["--municipalities", "Tests/PlatformTests/Fixtures/districts"]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-areas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func run(_ arguments: [String], store: FreshStore) throws -> CLI.Result {
        try CLI.run(arguments + municipalities + ["--store", store.location])
    }

    @Test(arguments: StoreKind.tested) func socialOroInOneDistrictRaisesOnlyItsGroup(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let declared = try run(["escalation", "declare", "stad", "social-oro", "--area", "norr", "--from", "2026-11-20"], store: fresh)
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout == "social-oro declared for stad in Norr from 2026-11-20\n  Lokal EST Norr: RRULE FREQ=WEEKLY;BYDAY=TU,FR, 13:00, 1h\n")
        #expect(try run(["escalation", "declare", "stad", "social-oro", "--area", "soder", "--from", "2026-11-25"], store: fresh).status == 0)
        let again = try run(["escalation", "declare", "stad", "social-oro", "--area", "norr"], store: fresh)
        #expect(again.status != 0 && again.stderr.contains("social-oro is already declared for stad in norr from 2026-11-20"))
        let unknown = try run(["escalation", "declare", "stad", "social-oro", "--area", "nor"], store: fresh)
        #expect(unknown.status != 0 && unknown.stderr.contains("stad's file has no area 'nor' (did you mean 'norr'?)"))
        #expect(try run(["escalation", "end", "stad", "social-oro", "--area", "soder", "--on", "2026-11-26"], store: fresh).stdout
            == "social-oro for stad in Söder ended on 2026-11-26\n")
        #expect(try run(["escalation", "declare", "stad", "social-oro", "--area", "byn", "--from", "2026-11-25"], store: fresh).stdout
            == "social-oro declared for stad in Byn from 2026-11-25\n  no body or activity there meets more often: none of its changes targets one\n")
        try CLI.expectGolden(try run(["escalation", "list", "stad"], store: fresh).stdout, "escalation-list-stad.txt")
        let calendar = try run(["calendar", "stad", "--from", "2026-11-23", "--to", "2026-11-29", "--format", "text"], store: fresh)
        #expect(calendar.status == 0, "\(calendar.stderr)")
        try CLI.expectGolden(calendar.stdout, "calendar-stad-social-oro-norr.txt")
    }

    @Test(arguments: StoreKind.tested) func aDistrictsLagesbild(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        #expect(try run(["ingest", "stad", "Tests/PlatformTests/Fixtures/districts/stad-2026-W47.csv"], store: fresh).status == 0)
        #expect(try run(["escalation", "declare", "stad", "social-oro", "--area", "norr", "--from", "2026-11-20"], store: fresh).status == 0)
        let out = directory.appendingPathComponent("out").path
        let result = try run(["lagesbild", "stad", "--area", "norr", "--period", "2026-W47", "--format", "md,json", "--out", out], store: fresh)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out)/stad-norr-2026-W47.md\n\(out)/stad-norr-2026-W47.json\n")
        try CLI.expectGolden(try String(contentsOfFile: "\(out)/stad-norr-2026-W47.md", encoding: .utf8), "lagesbild-stad-norr-2026-W47.md")
        let json = try String(contentsOfFile: "\(out)/stad-norr-2026-W47.json", encoding: .utf8)
        #expect(json.contains("\"area\" : {\n    \"id\" : \"norr\",\n    \"name\" : \"Norr\"\n  }"))

        let option = try run(["lagesbild", "stad", "--period", "2026-W47", "--option", "area=norr", "--out", out], store: fresh)
        #expect(option.status != 0)
        #expect(option.stderr.contains("unknown --option key 'area' for md (known: none); did you mean --area?"))
        let all = try run(["lagesbild", "--all", "--area", "norr", "--out", out], store: fresh)
        #expect(all.status != 0 && all.stderr.contains("--area names an area of one kommun"))
        let unknown = try run(["lagesbild", "stad", "--area", "nor", "--period", "2026-W47", "--out", out], store: fresh)
        #expect(unknown.status != 0 && unknown.stderr.contains("stad's file has no area 'nor' (did you mean 'norr'?)"))
    }
}
