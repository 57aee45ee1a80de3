import Foundation
import StoreTestSupport
import Testing

/// `calendar`, `plan`, `escalation` and `due` as a säkerhetsstrateg runs them.
@Suite("Calendar commands")
struct CalendarCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @Test func tranemosYearAsText() throws {
        let result = try CLI.run(["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31", "--format", "text"])
        #expect(result.status == 0, "\(result.stderr)")
        try CLI.expectGolden(result.stdout, "calendar-tranemo-2027.txt")
    }

    @Test func theMandatePlanCoversEveryOrt() throws {
        let result = try CLI.run(["plan", "tranemo", "--mandate", "2026"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Alla 12 orter får minst 1 under perioden."))
        try CLI.expectGolden(result.stdout, "plan-tranemo-2026.txt")
        #expect(try CLI.run(["plan", "tranemo", "--mandate", "2025"]).status != 0)
    }

    @Test(arguments: StoreKind.tested) func declaringSocialOroRaisesTheFrequencyUntilItEnds(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        func operativt() throws -> Int {
            let text = try CLI.run(["calendar", "lysekil", "--from", "2026-12-01", "--to", "2026-12-20", "--format", "text", "--store", store]).stdout
            return text.split(separator: "\n").filter { $0.contains("Operativt trygghetsteam") }.count
        }
        #expect(try operativt() == 2)
        let declared = try CLI.run(["escalation", "declare", "lysekil", "social-oro", "--from", "2026-12-01", "--store", store])
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout.contains("social-oro declared for lysekil from 2026-12-01"))
        #expect(try operativt() == 5)
        let again = try CLI.run(["escalation", "declare", "lysekil", "social-oro", "--store", store])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already declared"))
        #expect(try CLI.run(["escalation", "end", "lysekil", "social-oro", "--on", "2026-12-06", "--store", store]).status == 0)
        #expect(try operativt() == 3)
        let list = try CLI.run(["escalation", "list", "lysekil", "--store", store])
        #expect(list.stdout.contains("social-oro  2026-12-01  2026-12-06"))
        #expect(try CLI.run(["escalation", "declare", "tranemo", "social-oro", "--store", store]).stderr
            .contains("tranemo's file declares no escalation 'social-oro'"))
    }

    @Test func planSaysInTheOutputLanguageThatNothingRotates() throws {
        let swedish = try CLI.run(["plan", "lysekil", "--mandate", "2026"])
        #expect(swedish.status == 0)
        #expect(swedish.stdout == "Lysekils kommun har inga aktiviteter som roterar.\n")
        #expect(try CLI.run(["plan", "lysekil", "--mandate", "2026", "--lang", "en"]).stdout == "Lysekils kommun has no rotating activities.\n")
        let english = try CLI.run(["plan", "tranemo", "--mandate", "2026", "--lang", "en"]).stdout
        #expect(english.hasPrefix("Tranemo kommun, mandate period 2026-10-15–2030-10-14\n\nTrygghetsvandring (16)\ndate "))
        #expect(english.contains("All 12 orter get at least 1 in the period."))
    }

    @Test(arguments: StoreKind.tested) func escalationListIsInTheKommunsLanguage(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        #expect(try CLI.run(["escalation", "declare", "lysekil", "social-oro", "--from", "2026-12-01", "--store", store]).status == 0)
        #expect(try CLI.run(["escalation", "list", "lysekil", "--store", store]).stdout == """
            eskalering  från        till och med
            social-oro  2026-12-01  gäller

            """)
        #expect(try CLI.run(["escalation", "list", "lysekil", "--store", store, "--lang", "en"]).stdout == """
            escalation  from        until
            social-oro  2026-12-01  in force

            """)
    }

    /// Issue 11: an escalation declared after the range, or ended before it, aborted every later command
    /// with `Range requires lowerBound <= upperBound`.
    @Test(arguments: StoreKind.tested) func anEscalationOutsideTheRangeLeavesTheCalendarAsItIs(_ kind: StoreKind) throws {
        let january = ["calendar", "lysekil", "--from", "2027-01-01", "--to", "2027-01-31", "--format", "text"]
        let plain = try CLI.run(january)
        #expect(plain.status == 0, "\(plain.stderr)")
        let laterStore = try FreshStore(kind), later = laterStore.location
        #expect(try CLI.run(["escalation", "declare", "lysekil", "social-oro", "--from", "2027-03-01", "--store", later]).status == 0)
        let declared = try CLI.run(january + ["--store", later])
        #expect(declared.status == 0, "\(declared.stderr)")
        #expect(declared.stdout == plain.stdout)
        #expect(declared.stdout.contains("2027-01-04 mån 09:00–10:00 (UTC+01:00)  Operativt trygghetsteam"))
        #expect(declared.stdout.contains("4 möten"))

        let endedStore = try FreshStore(kind), ended = endedStore.location
        #expect(try CLI.run(["escalation", "declare", "lysekil", "social-oro", "--from", "2026-12-01", "--store", ended]).status == 0)
        #expect(try CLI.run(["escalation", "end", "lysekil", "social-oro", "--on", "2026-12-06", "--store", ended]).status == 0)
        let after = try CLI.run(january + ["--store", ended])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == plain.stdout)
        let due = try CLI.run(["due", "lysekil", "--period", "2027-W20", "--store", ended])
        #expect(due.stdout.hasPrefix("Lysekils kommun, vecka 20 2027: rapporter senast 2027-05-24 09:00"), "\(due.stderr)")
        let lagesbild = try CLI.run(["lagesbild", "lysekil", "--period", "2027-W20", "--format", "json", "--store", ended,
                                     "--out", directory.appendingPathComponent("out").path])
        #expect(lagesbild.status == 0, "\(lagesbild.stderr)")
        let insatser = try CLI.run(["insats", "list", "lysekil", "--due", "2028-01-15", "--store", ended])
        #expect(insatser.status == 0, "\(insatser.stderr)")
    }

    @Test(arguments: StoreKind.tested) func dueListsLateAndMissingReports(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        let reports = directory.appendingPathComponent("w47.csv")
        try Data("""
            date,reporter,area,indicator,value
            2026-11-17,polismyndigheten,norra-hamnen,klotter,1

            """.utf8).write(to: reports)
        #expect(try CLI.run(["ingest", "lysekil", reports.path, "--store", store]).status == 0)
        let result = try CLI.run(["due", "lysekil", "--period", "2026-W47", "--store", store])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Lysekils kommun, vecka 47 2026: rapporter senast 2026-11-23 09:00 (Operativt trygghetsteam 2026-11-23 09:00)"))
        // Ingested at the test clock, 2026-11-24 12:00, after the deadline.
        #expect(result.stdout.contains("Polismyndigheten               1      sent"))
        #expect(result.stdout.contains("Utbildningsförvaltningen       0      saknas"))
    }
}

/// Issue 7's promise: the lägesbild shows interventions due for follow-up and the quarter's priority areas.
@Suite("Lägesbild with interventions")
struct LagesbildInterventionTests {
    @Test(arguments: StoreKind.tested) func followUpsDueAndPrioritiesShow(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), directory = fresh.folder
        let store = ["--store", fresh.location]
        #expect(try CLI.run(["insats", "propose", "lysekil", "--title", "Belysning vid Norra hamnen", "--by", "operativt-trygghetsteam",
                             "--on", "2026-06-01", "--areas", "norra-hamnen", "--indicators", "otrygg-plats"] + store).status == 0)
        #expect(try CLI.run(["insats", "decide", "lysekil", "I-2026-001", "--by", "styrgrupp", "--on", "2026-06-02",
                             "--owner", "sakerhetsstrateg", "--start", "2026-06-15"] + store).status == 0)
        #expect(try CLI.run(["prioritet", "decide", "lysekil", "--period", "2026-Q4", "--areas", "kronberget,stadsparken,badhusberget",
                             "--by", "styrgrupp"] + store).status == 0)
        let out = directory.appendingPathComponent("out").path
        let result = try CLI.run(["lagesbild", "lysekil", "--period", "2026-W47", "--format", "md,json", "--out", out] + store)
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: out + "/lysekil-2026-W47.md", encoding: .utf8)
        #expect(markdown.contains("Prioriterade områden 2026-Q4: Kronberget, Stadsparken, Badhusberget"))
        #expect(markdown.contains("**Att följa upp**\n- I-2026-001 Belysning vid Norra hamnen (Norra hamnen), ansvarig: Säkerhetsstrateg"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/lysekil-2026-W47.json"))) as? [String: Any]
        let interventions = json?["interventions"] as? [String: Any]
        #expect((interventions?["followUpsDue"] as? [[String: Any]])?.first?["id"] as? String == "I-2026-001")
        #expect(((interventions?["priorities"] as? [String: Any])?["areas"] as? [Any])?.count == 3)
    }
}
