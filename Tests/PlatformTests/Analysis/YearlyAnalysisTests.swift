import Foundation
import Testing
@testable import Platform

/// The yearly analysis on simulated Lysekil data where the truth is known: a 60 % drop planted in one cell
/// is found, and an intervention with no effect is not claimed.
@Suite("Yearly analysis")
struct YearlyAnalysisTests {
    static let lysekil = PriorityProposalTests.lysekil
    static let start = CalendarDate(iso: "2026-05-04")!

    /// A year of simulated reports as daily cells, with `effects` planted.
    static func cells(effects: [ReportSimulator.Effect]) -> [DailyCell] {
        let simulator = ReportSimulator(config: lysekil, seed: 7, intensity: 10, effects: effects)
        var sums: [String: Int] = [:]
        simulator.rows(from: CalendarDate(iso: "2025-11-24")!, to: CalendarDate(iso: "2026-11-23")!) { fields in
            guard CalendarDate(iso: fields[0]) != nil, let value = Int(fields[5]) else { return }
            sums[[fields[0], fields[3], fields[4]].joined(separator: "|"), default: 0] += value
        }
        return sums.map { key, sum in
            let parts = key.split(separator: "|").map(String.init)
            return DailyCell(area: parts[1], indicator: parts[2], date: CalendarDate(iso: parts[0])!, sum: sum, max: sum, rows: 1)
        }
    }

    static func intervention(_ id: String, area: String, indicator: String, start: CalendarDate = start) -> Intervention {
        Intervention(id: id, kommun: "lysekil", title: id, status: .decided, proposedBy: "strategiskt-trygghetsteam",
                     proposedOn: start.adding(days: -28), areas: [area], indicators: [indicator], decidedBy: "styrgrupp",
                     decidedOn: start.adding(days: -14), owner: "styrgrupp", start: start)
    }

    @Test func aPlantedDropIsFoundAndNoEffectIsNotClaimed() throws {
        let simulator = ReportSimulator(config: Self.lysekil, seed: 7)
        // Neither area is one of the simulator's rising areas, which would be a real difference of its own.
        #expect(!simulator.risingAreas.contains("stadsparken") && !simulator.risingAreas.contains("badhusberget"))
        let cells = Self.cells(effects: [ReportSimulator.Effect(area: "stadsparken", indicator: "klotter", from: Self.start, factor: 0.4)])
        let analysis = YearlyAnalysis(config: Self.lysekil, year: 2026, interventions: [
            Self.intervention("I-2026-001", area: "stadsparken", indicator: "klotter"),
            Self.intervention("I-2026-002", area: "badhusberget", indicator: "nedskrapning"),
        ], cells: cells)
        #expect(analysis.through == CalendarDate(iso: "2026-11-23"))
        let planted = try #require(analysis.effects.first)
        #expect(planted.verdict == .decreasedMore)
        #expect(planted.sentence.hasPrefix("Antalet rapporterade händelser med klotter i Stadsparken minskade mer än i övriga områden"))
        let ratio = try #require(planted.ratio), low = try #require(planted.low), high = try #require(planted.high)
        #expect(low < 0.4 && 0.4 < high && high < 1 && abs(ratio - 0.4) < 0.15)
        // The sums are the cells' own: 23 weeks on each side of 2026-05-04, the first week with reports being 2025-W48.
        #expect(planted.weeks == 23 && planted.before == [CalendarDate(iso: "2025-11-24")!, CalendarDate(iso: "2026-05-03")!])
        let inStadsparken = { (from: String, to: String) in
            cells.filter { $0.area == "stadsparken" && $0.indicator == "klotter" && $0.date.description >= from && $0.date.description <= to }
                .reduce(0) { $0 + $1.sum }
        }
        #expect(planted.treatedBefore == inStadsparken("2025-11-24", "2026-05-03"))
        #expect(planted.treatedAfter == inStadsparken("2026-05-04", "2026-10-11"))
        let none = try #require(analysis.effects.last)
        #expect(none.verdict == .noClearDifference)
        #expect(none.sentence.hasPrefix("Inget säkert samband"))
    }

    @Test func tooShortOrUnanalysableInterventionsAreNotJudged() throws {
        let cells = Self.cells(effects: [])
        var whole = Self.intervention("I-2026-003", area: "stadsparken", indicator: "klotter")
        whole.areas = []
        var proposed = Self.intervention("I-2026-004", area: "stadsparken", indicator: "klotter")
        proposed.status = .proposed
        let analysis = YearlyAnalysis(config: Self.lysekil, year: 2026, interventions: [
            Self.intervention("I-2026-001", area: "stadsparken", indicator: "klotter", start: CalendarDate(iso: "2026-11-02")!),
            whole, proposed,
        ], cells: cells)
        #expect(analysis.effects.map(\.verdict) == [.tooLittleData])
        #expect(analysis.effects[0].ratio == nil && analysis.effects[0].weeks == 3)
        #expect(analysis.skipped.map(\.id) == ["I-2026-003"])
    }

    @Test func inEnglishTheNumbersAreTheSameAndTheWordsEnglish() throws {
        let cells = Self.cells(effects: [])
        var whole = Self.intervention("I-2026-003", area: "stadsparken", indicator: "klotter")
        whole.areas = []
        let interventions = [
            Self.intervention("I-2026-001", area: "stadsparken", indicator: "klotter", start: CalendarDate(iso: "2026-11-02")!),
            Self.intervention("I-2026-002", area: "stadsparken", indicator: "klotter"), whole,
        ]
        let swedish = YearlyAnalysis(config: Self.lysekil, year: 2026, interventions: interventions, cells: cells)
        let english = YearlyAnalysis(config: Self.lysekil, year: 2026, interventions: interventions, cells: cells, language: .en)
        #expect(english.effects.map(\.verdict) == swedish.effects.map(\.verdict))
        #expect(english.effects.map(\.ratio) == swedish.effects.map(\.ratio) && english.effects.map(\.high) == swedish.effects.map(\.high))
        #expect(english.effects[0].sentence
                == "Too short a time for an assessment: 3 whole weeks before and after the start (at least 4 are needed).")
        #expect(english.effects[1].sentence.contains("of graffiti in Stadsparken"))
        #expect(english.skipped.map(\.reason) == ["the intervention names no areas or no counted indicators"])
        #expect(english.method == YearlyAnalysis.methodEnglish && swedish.method == YearlyAnalysis.method)
        #expect(english.method.contains("An association is not proof that the intervention caused the change."))
    }
}
