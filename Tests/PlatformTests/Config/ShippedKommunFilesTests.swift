import Foundation
import Testing
@testable import Platform

/// The shipped kommun files load, and say what the seed documents say.
@Suite("Shipped kommun files")
struct ShippedKommunFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private func load(_ path: String) throws -> KommunConfig {
        let loaded = KommunConfigLoader().load(path: Self.root.appendingPathComponent(path).path)
        #expect(loaded.diagnostics == [], "\(loaded.renderedDiagnostics)")
        return try #require(loaded.config)
    }

    @Test func lysekilTodaysModel() throws {
        let lysekil = try load("municipalities/lysekil.yaml")
        #expect(lysekil.kommun.code == "1484")
        #expect(lysekil.organisation.coordination?.roles == ["sakerhetsstrateg", "social-hallbarhetsstrateg", "folkhalsostrateg"])
        let styrgrupp = try #require(lysekil.organisation.body("styrgrupp"))
        #expect(styrgrupp.kind == .steeringGroup)
        #expect(styrgrupp.chairs.map(\.role) == ["Kommundirektör"])
        #expect(styrgrupp.members.count == 9)
        let strategiskt = try #require(lysekil.organisation.body("strategiskt-trygghetsteam"))
        #expect(strategiskt.conveners.map(\.role) == ["Social hållbarhetsstrateg"])
        #expect(strategiskt.members.count == 9)
        #expect(strategiskt.relations.contains { $0.kind == .proposesTo && $0.target == "styrgrupp" })
        #expect(styrgrupp.relations.contains { $0.kind == .decidesFor && $0.target == "strategiskt-trygghetsteam" })
        let operativt = try #require(lysekil.organisation.body("operativt-trygghetsteam"))
        #expect(operativt.conveners.map(\.role) == ["Säkerhetsstrateg"])
        #expect(operativt.members.count == 14)
        #expect(operativt.cadence?.rule == .every(.weekly, interval: 1))
        #expect(lysekil.lagesbild.period == .week)
        #expect(lysekil.lagesbild.compiledBy == "operativt-trygghetsteam")
        #expect(lysekil.reporters.map(\.organisation) == [
            "polismyndigheten", "kommunstyrelseforvaltningen", "utbildningsforvaltningen", "socialforvaltningen",
            "samhallsbyggnadsforvaltningen", "arbetslivsforvaltningen", "lysekilsbostader", "leva-i-lysekil",
        ])
        #expect(lysekil.focusAreas.count == 5)
        #expect(lysekil.focusAreas.allSatisfy { $0.year == 2021 && $0.decidedBy == "styrgrupp" })
        #expect(lysekil.activityLists.first?.items.count == 8)
        #expect(lysekil.escalations.map(\.id) == ["social-oro"])
        #expect(lysekil.checklist.indicators.count == 11)
    }

    @Test func tranemo() throws {
        let tranemo = try load("municipalities/tranemo.yaml")
        #expect(tranemo.kommun.code == "1452")
        let tsk = try #require(tranemo.organisation.body("tsk"))
        #expect(tsk.shortName == "TSK")
        #expect(tsk.relations.contains { $0.kind == .reportsTo && $0.target == "kommunchef" })
        #expect(tsk.members.count == 3)
        let braUnga = try #require(tranemo.organisation.body("bra-unga"))
        #expect(braUnga.cadence?.rule == .timesPerYear(2))
        #expect(braUnga.cadence?.duration?.minutes == 240)
        #expect(braUnga.members.map(\.attendance).last == .asNeeded)
        #expect(tranemo.organisation.body("bra-trafik")?.cadence?.rule == .timesPerYear(2))
        let walk = try #require(tranemo.activities.first { $0.kind == .safetyWalk })
        #expect(walk.cadence?.rule == .timesPerYear(4))
        #expect(walk.rotation == Activity.Rotation(over: .ort, period: .mandate, atLeast: 1))
        #expect(walk.followUps.first?.timing == .within(CalendarOffset(parsing: "1 month")!))
        #expect(walk.followUps.last?.timing == .after(CalendarOffset(parsing: "6 months")!))
        let meeting = try #require(tranemo.activities.first { $0.kind == .safetyMeeting })
        #expect(meeting.agenda.first?.time == TimeOfDay(hour: 18, minute: 0))
        #expect(meeting.agenda.last?.item == "Tack för ikväll")
        #expect(tranemo.areas.filter { $0.kind == .ort }.count == 12)
        #expect(tranemo.lagesbild.feedback.map(\.to) == ["kommunchef", "forvaltningsledning", "reporters"])
        #expect(Set(tranemo.reporters.map(\.organisation)).isSuperset(of: ["polisen", "tranemo-bostader"]))
    }

    @Test func lysekil2018IsExpressibleWithoutCode() throws {
        let earlier = try load("municipalities/examples/lysekil-2018.yaml")
        #expect(earlier.lagesbild.period == .month)
        #expect(earlier.lagesbild.priorities == LagesbildConfig.Priorities(period: .quarter, areas: 3,
                                                                           proposedBy: "trygghetsgruppen", decidedBy: "klg"))
        #expect(earlier.organisation.body("kslu")?.cadence?.rule == .every(.monthly, interval: 2))
        #expect(earlier.organisation.body("klg")?.cadence?.rule == .every(.quarterly, interval: 1))
        #expect(earlier.escalations.first?.changes.contains { $0.target == "kslu" } == true)
    }

    /// The fixtures the JSON Schema must reject are rejected by the platform's own loader too.
    @Test func schemaInvalidFixturesAreRejected() throws {
        let directory = Self.root.appendingPathComponent("Tests/PlatformTests/Fixtures/schema-invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 5)
        for file in files {
            let loaded = KommunConfigLoader().load(path: directory.appendingPathComponent(file).path)
            #expect(!loaded.isValid, "\(file) was accepted")
        }
    }
}
