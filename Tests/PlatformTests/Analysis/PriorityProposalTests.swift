import Foundation
import Testing
@testable import Platform

/// The priority score on a fixed set of cells in Lysekil's file, checked against numbers worked out by hand.
@Suite("Priority proposal")
struct PriorityProposalTests {
    static let lysekil = KommunConfigLoader().load(
        path: ShippedKommunFilesTests.root.appendingPathComponent("municipalities/lysekil.yaml").path).config!

    static func cell(_ area: String, _ indicator: String, _ date: String, _ sum: Int) -> DailyCell {
        DailyCell(area: area, indicator: indicator, date: CalendarDate(iso: date)!, sum: sum, max: sum, rows: 1)
    }

    /// Q3 2026 (the volume): kronberget 10 klotter (weight 1) + 3 misshandel (weight 2) = 16, of which 6 heavy;
    /// stadsparken 4 klotter. Baseline: kronberget 8 in Q2, stadsparken 12 in Q1, each spread over the quarter's
    /// three months; two of the four baseline quarters have reports, so B = 4 and 6, T = 12 and −2. A level
    /// answer and a Q4 cell do not count.
    static let cells = [
        cell("kronberget", "klotter", "2026-07-10", 10), cell("kronberget", "misshandel", "2026-08-01", 3),
        cell("stadsparken", "klotter", "2026-09-30", 4), cell("kronberget", "klotter", "2026-04-01", 3),
        cell("kronberget", "klotter", "2026-05-01", 3), cell("kronberget", "klotter", "2026-06-30", 2),
        cell("stadsparken", "klotter", "2026-01-05", 4), cell("stadsparken", "klotter", "2026-02-01", 4),
        cell("stadsparken", "klotter", "2026-03-31", 4), cell("stadsparken", "otrygg-plats", "2026-07-01", 3),
        cell("lyse", "klotter", "2026-10-01", 50),
    ]

    @Test func scoresMatchTheHandComputation() throws {
        let proposal = PriorityProposal(config: Self.lysekil, period: Period("2026-Q4")!, cells: Self.cells)
        #expect(proposal.previous == Period("2026-Q3"))
        #expect(proposal.baseline.map(\.description) == ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"])
        #expect(proposal.baselineCovered == 2)
        let kronberget = try #require(proposal.scores.first { $0.area == "kronberget" })
        #expect(kronberget.volume == 16 && kronberget.baseline == 4 && kronberget.trend == 12 && kronberget.severity == 0.375)
        // 16/16 + 12/12 + 0.375
        #expect(kronberget.score == 2.375)
        let stadsparken = try #require(proposal.scores.first { $0.area == "stadsparken" })
        #expect(stadsparken.volume == 4 && stadsparken.baseline == 6 && stadsparken.trend == -2 && stadsparken.severity == 0)
        #expect(stadsparken.score == 0.25)
        #expect(proposal.scores.first { $0.area == "lyse" }?.volume == 0)
        // Three areas (Lysekil's file); the third is the first of the equal zero scores by id.
        #expect(proposal.proposed == ["kronberget", "stadsparken", "badhusberget"])
    }

    /// Issue 11: a quarter with reports in one of its months counted as a whole quarter. With Q1 covered and Q2
    /// only in May, the baseline covers 1 + 1/3 quarters: B = 8 ÷ 4/3 = 6 for kronberget, 12 ÷ 4/3 = 9 for
    /// stadsparken (it was 4 and 6, as if Q2 had been a quiet whole quarter).
    @Test func aQuarterWithOneMonthOfReportsCountsAsAThird() throws {
        let cells = Self.cells.filter { !($0.area == "kronberget" && $0.indicator == "klotter" && $0.date.month != 7) }
            + [Self.cell("kronberget", "klotter", "2026-05-20", 8)]
        let proposal = PriorityProposal(config: Self.lysekil, period: Period("2026-Q4")!, cells: cells)
        #expect(abs(proposal.baselineCovered - 4.0 / 3) < 1e-9)
        let kronberget = try #require(proposal.scores.first { $0.area == "kronberget" })
        #expect(abs(kronberget.baseline - 6) < 1e-9 && abs(kronberget.trend - 10) < 1e-9)
        let stadsparken = try #require(proposal.scores.first { $0.area == "stadsparken" })
        #expect(abs(stadsparken.baseline - 9) < 1e-9)
        #expect(proposal.formula(.sv).contains("delat med de 1,33 av 4 perioder som har rapporter"))
        #expect(proposal.formula(.en).contains("divided by the 1.33 of 4 periods with reports"))
    }

    /// A month counts whole when it has any report, however few of its days.
    @Test func aMonthWithAnyReportCountsWhole() throws {
        let proposal = PriorityProposal(config: Self.lysekil, period: Period("2026-11")!,
                                        cells: [Self.cell("kronberget", "klotter", "2026-06-30", 6)])
        #expect(proposal.baseline.map(\.description) == ["2026-06", "2026-07", "2026-08", "2026-09"])
        #expect(proposal.baselineCovered == 1)
        #expect(proposal.scores.first { $0.area == "kronberget" }?.baseline == 6)
    }

    @Test func theFileWeightsTheParts() throws {
        var config = Self.lysekil
        config.lagesbild.priorities?.weights = .init(volume: 2, trend: 0, severity: 1)
        let proposal = PriorityProposal(config: config, period: Period("2026-Q4")!, cells: Self.cells)
        #expect(proposal.scores.first { $0.area == "kronberget" }?.score == 2.375)
        #expect(proposal.scores.first { $0.area == "stadsparken" }?.score == 0.5)
        #expect(proposal.formula(.en).hasPrefix("Score = 2 × V/maxV + 0 × max(T, 0)/maxT + 1 × S."))
    }

    @Test func weightsAreDecodedAndChecked() throws {
        let text = KommunConfigDecodingTests.minimal.replacingOccurrences(
            of: "lagesbild:\n", with: "lagesbild:\n  priorities: {period: quarter, areas: 2, weights: {volume: 2, severity: -1}}\n")
        let loaded = KommunConfigLoader().decode(text, file: "exempel.yaml")
        #expect(loaded.diagnostics.map(\.message) == ["a weight is 0 or more, found -1.0"])
    }
}
