import Foundation
import Testing
@testable import Platform

/// `lagesbild.status` as the kommun writes it: names and colours, level thresholds, area rules, and the
/// mistakes in them reported at their line and column.
@Suite("Status rules")
struct StatusRulesTests {
    /// The minimal kommun file with `status` (indented under `lagesbild`) and `indicator` (added to the
    /// level indicator) appended.
    static func file(status: String, indicator: String = "") -> String {
        var text = KommunConfigDecodingTests.minimal
        if !indicator.isEmpty {
            text = text.replacingOccurrences(of: "      scale: {min: 0, max: 3}\n", with: "      scale: {min: 0, max: 3}\n" + indicator)
        }
        return text + status
    }

    static func decode(_ text: String) -> KommunConfigLoader.LoadedFile {
        KommunConfigLoader().decode(text, file: "k.yaml")
    }

    static let written = """
          status:
            scale:
              red: {name: {sv: Akut, en: Acute}, colour: "#7b1fa2"}
              green: {name: Lugnt}
            levels: {yellow: 2, orange: 3}
            areas:
              rules:
                - {status: red, orange: 2}
              score: {yellow: 4}

        """

    @Test func theKommunsRulesAreRead() throws {
        let loaded = Self.decode(Self.file(status: Self.written, indicator: "      statusLevels: {red: 3}\n"))
        #expect(loaded.diagnostics == [])
        let rules = try #require(loaded.config).lagesbild.status
        #expect(rules.name(.red, .sv) == "Akut" && rules.name(.red, .en) == "Acute" && rules.colour(.red) == "#7b1fa2")
        #expect(rules.name(.green, .en) == "Lugnt" && rules.name(.yellow, .sv) == "gul" && rules.colour(.yellow) == "#f7d95c")
        #expect(rules.levels == .init(yellow: 2, orange: 3, red: nil))
        #expect(rules.areas == .init(worstCell: true, rules: [.init(status: .red, orange: 2)], score: .init(yellow: 4)))
        #expect(rules.yellow == StatusRules.standard.yellow)
        #expect(try #require(loaded.config).checklist.indicator("otrygg-plats")?.statusLevels == .init(red: 3))
        #expect(rules.status(named: "AKUT") == .red && rules.status(named: "gul") == .yellow && rules.status(named: "lila") == nil)
    }

    @Test func mistakesAreReportedAtTheirLineAndColumn() {
        let loaded = Self.decode(Self.file(status: """
              status:
                scale:
                  red: {colour: purple}
                  rosa: {name: Rosa}
                levels: {yellow: 3, orange: 2}
                areas:
                  worstCell: false
                  rules:
                    - {status: green, orange: 2}
                    - {status: red}
                    - {status: lila, red: 0}

            """, indicator: "      statusLevels: {yellow: 1, red: 4}\n"))
        #expect(loaded.diagnostics.map(\.headline) == [
            "k.yaml:70:21: error: red: 4 is outside the indicator's scale 0–3 [at checklist.indicators[1].statusLevels]",
            "k.yaml:81:21: error: a colour is written '#rrggbb' (e.g. '#f0913a'), found 'purple' [at lagesbild.status.scale.red.colour]",
            "k.yaml:82:7: error: unknown key 'rosa' [at lagesbild.status.scale.rosa]",
            "k.yaml:83:13: error: thresholds must rise from yellow to orange to red [at lagesbild.status.levels]",
            "k.yaml:87:20: error: a rule raises an area to yellow, orange or red, not green [at lagesbild.status.areas.rules[0].status]",
            "k.yaml:88:11: error: a rule needs at least one of yellow, orange, red: how many cells at or above that level [at lagesbild.status.areas.rules[1]]",
            "k.yaml:89:20: error: 'lila' is not one of green, yellow, orange, red [at lagesbild.status.areas.rules[2].status]",
            "k.yaml:89:31: error: a rule counts at least 1 cell, found 0 [at lagesbild.status.areas.rules[2].red]",
        ])
    }

    @Test func statusLevelsGoWithLevelIndicatorsOnly() {
        var text = KommunConfigDecodingTests.minimal
        text = text.replacingOccurrences(of: "      measure: count\n", with: "      measure: count\n      statusLevels: {red: 3}\n")
        #expect(Self.decode(text).diagnostics.map(\.headline) == [
            "k.yaml:65:21: error: 'statusLevels' goes with 'measure: level'; a count's status follows lagesbild.status [at checklist.indicators[0].statusLevels]",
        ])
    }

    /// The issue: one answer of 3 on a 1–3 scale made the area red whatever the rules said.
    @Test func aTopAnswerIsRedOnlyWhenTheRulesSaySo() {
        let indicator = Indicator(id: "oro", name: .init(sv: "Oro"), category: "c", measure: .level,
                                  scale: .init(min: 1, max: 3, labels: []), weight: 1)
        let standard = StatusRules.standard
        #expect(LagesbildCompiler.status(3, baseline: nil, indicator: indicator, rules: standard) == .red)
        var rules = standard
        rules.levels = .init(yellow: 2, orange: 3)
        #expect(LagesbildCompiler.status(3, baseline: 1, indicator: indicator, rules: rules) == .orange)
        #expect(LagesbildCompiler.status(2, baseline: 1, indicator: indicator, rules: rules) == .yellow)
        #expect(LagesbildCompiler.status(1, baseline: 1, indicator: indicator, rules: rules) == .green)
        var own = indicator
        own.statusLevels = .init(red: 3)
        #expect(LagesbildCompiler.status(3, baseline: nil, indicator: own, rules: rules) == .red)
        #expect(LagesbildCompiler.status(2, baseline: nil, indicator: own, rules: rules) == .green)
    }

    @Test func aCountWithoutABaselineIsGreen() {
        let indicator = Indicator(id: "klotter", name: .init(sv: "Klotter"), category: "c", measure: .count, weight: 1)
        #expect(LagesbildCompiler.status(9, baseline: nil, indicator: indicator, rules: .standard) == .green)
        #expect(LagesbildCompiler.status(9, baseline: 0, indicator: indicator, rules: .standard) == .red)
    }

    @Test func twoOrangeCellsMakeAnAreaRed() {
        let rules = StatusRules.AreaRules(worstCell: true, rules: [.init(status: .red, orange: 2)], score: nil)
        #expect(rules.status(of: [(.orange, 1), (.orange, 1), (.green, 1)]) == .red)
        #expect(rules.status(of: [(.orange, 1), (.red, 1)]) == .red)
        #expect(rules.status(of: [(.orange, 1), (.yellow, 1)]) == .orange)
        #expect(StatusRules.AreaRules.standard.status(of: [(.orange, 1), (.orange, 1)]) == .orange)
        #expect(StatusRules.AreaRules.standard.status(of: []) == .green)
    }

    @Test func aWeightedScoreRaisesAnArea() {
        let rules = StatusRules.AreaRules(worstCell: false, rules: [], score: .init(yellow: 2, orange: 4, red: 6))
        #expect(rules.status(of: [(.yellow, 1)]) == .green)
        #expect(rules.status(of: [(.yellow, 2)]) == .yellow)
        #expect(rules.status(of: [(.orange, 1), (.orange, 1)]) == .orange)
        #expect(rules.status(of: [(.red, 2)]) == .red)
    }
}
