import Foundation
import Testing
@testable import Platform

/// The decoder on a small valid file, and on copies of it with mistakes: every mistake is reported, at
/// its line and column, with its YAML path, in one run.
@Suite("Kommun config decoding")
struct KommunConfigDecodingTests {
    static let minimal = try! String(contentsOf: Bundle.module.url(forResource: "Fixtures/minimal", withExtension: "yaml")!, encoding: .utf8)

    /// The minimal file's `lagesbild:` block, for the tests that replace it.
    static let minimalLagesbild = """
        lagesbild:
          period: week
          compiledBy: team
          feedback:
            - from: team
              to: styrgrupp
            - from: team
              to: reporters
        """

    private func decode(_ text: String) -> KommunConfigLoader.LoadedFile {
        KommunConfigLoader().decode(text, file: "k.yaml")
    }

    /// The minimal file with `old` replaced by `new` (which must occur exactly once).
    private func mutated(_ replacements: [(String, String)]) -> String {
        var text = Self.minimal
        for (old, new) in replacements {
            #expect(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in minimal.yaml")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    private func headlines(_ replacements: [(String, String)]) -> [String] {
        decode(mutated(replacements)).diagnostics.map(\.headline)
    }

    @Test func minimalFileDecodes() throws {
        let loaded = decode(Self.minimal)
        #expect(loaded.diagnostics == [])
        let config = try #require(loaded.config)
        #expect(config.id == "exempel")
        #expect(config.kommun.timeZone == "Europe/Stockholm")
        #expect(config.kommun.language == .sv)
        #expect(config.organisation.bodies.map(\.id) == ["styrgrupp", "team"])
        #expect(config.organisation.body("styrgrupp")?.chairs.map(\.role) == ["Kommunchef"])
        #expect(config.organisation.body("team")?.cadence == Cadence(rule: .every(.weekly, interval: 1), weekday: .monday,
                                                                     week: nil, months: [], start: nil,
                                                                     time: TimeOfDay(hour: 9, minute: 0), duration: nil,
                                                                     holidays: .moveLater, note: nil))
        #expect(config.reporters.map(\.expected) == [true, false])
        #expect(config.allAreas.map(\.id) == ["centrum", "torget"])
        #expect(config.checklist.indicator("klotter")?.name.text(.en) == "Graffiti")
        #expect(config.checklist.indicator("otrygg-plats")?.scale == Indicator.Scale(min: 0, max: 3, labels: []))
        #expect(config.lagesbild.feedback.map(\.to) == ["styrgrupp", "reporters"])
    }

    @Test func everyMistakeIsReportedInOneRun() {
        #expect(headlines([
            ("    kind: police", "    kind: polis"),
            ("          chair: true", "          chiar: true"),
            ("      to: styrgrupp\n      cadence", "      to: styrgrup\n      cadence"),
            ("      category: ordning\n      measure: count", "      category: ordningen\n      measure: count"),
            ("  - organisation: polisen", "  - organisation: polis"),
        ]) == [
            "k.yaml:14:11: error: 'polis' is not one of kommun-office, forvaltning, unit, municipal-company, housing-company, utility-company, police, rescue-service, security-firm, school, association, business, public, other (did you mean 'police'?) [at organisations[1].kind]",
            "k.yaml:27:11: error: unknown key 'chiar' (did you mean 'chair'?) [at organisation.bodies[0].members[0].chiar]",
            "k.yaml:37:15: error: unknown body, role or organisation 'styrgrup' (did you mean 'styrgrupp'?) [at organisation.bodies[1].relations[0].to]",
            "k.yaml:43:19: error: unknown organisation 'polis' (did you mean 'polisen'?) [at reporters[0].organisation]",
            "k.yaml:63:17: error: unknown category 'ordningen' (did you mean 'ordning'?) [at checklist.indicators[0].category]",
        ])
    }

    @Test func missingRequiredKeysAndWrongTypes() {
        #expect(headlines([
            ("  name: Exempels kommun\n", ""),
            ("schemaVersion: 1", "schemaVersion: \"1\""),
            ("    expected: false", "    expected: no"),
            ("    location: {lat: 58.27, lon: 11.43}", "    location: [58.27, 11.43]"),
            ("  version: \"1\"", "  version: [1]"),
        ]) == [
            "k.yaml:2:16: error: expected a whole number, found the quoted text '1' [at schemaVersion]",
            "k.yaml:4:3: error: missing required key 'name' [at kommun]",
            "k.yaml:44:15: error: expected true or false, found 'no' [at reporters[1].expected]",
            "k.yaml:49:15: error: expected a mapping, found a list [at areas[0].location]",
            "k.yaml:55:12: error: expected a text, found a list [at checklist.version]",
        ])
    }

    @Test func stringsStayStringsWhereTheSchemaWantsText() throws {
        let config = try #require(decode(mutated([("  name: Exempels kommun", "  name: no"), ("  code: \"9999\"", "  code: 0123")])).config)
        #expect(config.kommun.name == "no")
        #expect(config.kommun.code == "0123")
    }

    @Test func idsAreCheckedAndDuplicatesFound() {
        #expect(headlines([
            ("      - id: torget", "      - id: Södra Torget"),
            ("    - id: team\n", "    - id: styrgrupp\n"),
            ("    - id: kommunchef", "    - id: polisen"),
            ("  compiledBy: team", "  compiledBy: styrgrupp"),
            ("    - from: team\n      to: styrgrupp", "    - from: styrgrupp\n      to: styrgrupp"),
            ("    - from: team\n      to: reporters", "    - from: styrgrupp\n      to: reporters"),
        ]) == [
            "k.yaml:17:11: error: duplicate id 'polisen': already declared at 12:9 (as an organisation) [at organisation.roles[0].id]",
            "k.yaml:28:11: error: duplicate id 'styrgrupp': already declared at 21:11 [at organisation.bodies[1].id]",
            "k.yaml:52:13: error: 'Södra Torget' is not a valid id: use lowercase a–z, 0–9 and '-' (did you mean 'sodra-torget'?) [at areas[0].areas[0].id]",
        ])
    }

    @Test func crossFieldRules() {
        #expect(headlines([
            ("      scale: {min: 0, max: 3}\n", ""),
            ("        frequency: weekly\n", "        frequency: weekly\n        rrule: FREQ=WEEKLY\n"),
            ("      name: {sv: Klotter, en: Graffiti}", "      name: {sv: Klotter, eng: Graffiti}"),
        ]) == [
            "k.yaml:39:9: error: give only one of 'frequency', 'timesPerYear', 'rrule'; found 'frequency' and 'rrule' [at organisation.bodies[1].cadence]",
            "k.yaml:63:27: error: unknown key 'eng' (did you mean 'en'?) [at checklist.indicators[0].name.eng]",
            "k.yaml:66:7: error: an indicator measured as 'level' needs a 'scale' [at checklist.indicators[1]]",
        ])
    }

    @Test func referencesOfTheWrongKindAndUnknownFeedbackRecipients() {
        #expect(headlines([
            ("          organisation: ksf\n          chair: true", "          organisation: kommunchef\n          chair: true"),
            ("      to: reporters", "      to: rapportorer"),
        ]) == [
            "k.yaml:26:25: error: 'kommunchef' is a role, but an organisation is expected here [at organisation.bodies[0].members[0].organisation]",
            "k.yaml:77:11: error: unknown body, role or organisation 'rapportorer' [at lagesbild.feedback[1].to]",
        ])
    }

    @Test func boundariesAreReadAsOpenRingsOfLatLonPoints() throws {
        let closed = try #require(decode(mutated([
            ("    location: {lat: 58.27, lon: 11.43}", "    location: {lat: 58.27, lon: 11.43}\n    boundary: [[58.26, 11.42], [58.26, 11.44], [58.28, 11.44], [58.26, 11.42]]"),
            ("        kind: place", "        kind: place\n        boundary:\n          - [58.271, 11.431]\n          - [58.272, 11.431]\n          - [58.272, 11.433]"),
        ])).config)
        #expect(closed.allAreas[0].boundary == [Area.Location(lat: 58.26, lon: 11.42), Area.Location(lat: 58.26, lon: 11.44),
                                                 Area.Location(lat: 58.28, lon: 11.44)])
        #expect(closed.allAreas[1].boundary?.count == 3)
        #expect(closed.allAreas[1].location == nil)
        #expect(decode(Self.minimal).config?.allAreas.allSatisfy { $0.boundary == nil } == true)
    }

    @Test func boundaryMistakes() {
        #expect(headlines([
            ("    location: {lat: 58.27, lon: 11.43}", "    location: {lat: 58.27, lon: 11.43}\n    boundary: [[58.26, 11.42], [58.26, 11.44], [58.26, 11.42]]"),
            ("        kind: place", "        kind: place\n        boundary:\n          - [158.27, 11.43]\n          - [58.27, 11.43, 0]\n          - {lat: 58.27, lon: 11.43}\n          - [58.27, \"11.43\"]\n          - [58.28, 191.2]"),
        ]) == [
            "k.yaml:51:15: error: a boundary needs at least 3 distinct [lat, lon] points, found 2 [at areas[0].boundary]",
            "k.yaml:57:14: error: latitude is between -90 and 90, found 158.27 (write each point as [lat, lon], latitude first) [at areas[0].areas[0].boundary[0][0]]",
            "k.yaml:58:13: error: expected a [lat, lon] pair, found a list of 3 values [at areas[0].areas[0].boundary[1]]",
            "k.yaml:59:13: error: expected a [lat, lon] pair, found a mapping [at areas[0].areas[0].boundary[2]]",
            "k.yaml:60:21: error: expected a number, found the quoted text '11.43' [at areas[0].areas[0].boundary[3][1]]",
            "k.yaml:61:21: error: longitude is between -180 and 180, found 191.2 [at areas[0].areas[0].boundary[4][1]]",
        ])
        #expect(headlines([
            ("    location: {lat: 58.27, lon: 11.43}", "    location: {lat: 58.27, lon: 11.43}\n    boundary: [[58.26, 11.42], [58.27, 11.43], [58.28, 11.44]]"),
            ("        kind: place", "        kind: place\n        boundary: {lat: 58.27, lon: 11.43}"),
        ]) == [
            "k.yaml:51:15: error: the boundary's points lie on one line, so it encloses no area [at areas[0].boundary]",
            "k.yaml:56:19: error: expected a list, found a mapping [at areas[0].areas[0].boundary]",
        ])
    }

    /// A monthly lägesbild beside a tertial analysis and a two-weekly one for an area, each chosen by its
    /// id or by the kind of the period asked for.
    @Test func severalLagesbilderAndTheirPeriods() throws {
        let config = try #require(decode(mutated([(Self.minimalLagesbild, """
            lagesbild:
              - id: manad
                name: Månadens lägesbild
                period: month
                compiledBy: team
                priorities: {period: week, areas: 2}
              - id: tertialanalys
                period: tertial
                compiledBy: styrgrupp
                readBy: styrgrupp
              - id: torget
                area: torget
                period: {kind: two-weeks, start: 2026-01-07}
                compiledBy: team
            """)])).config)
        #expect(config.lagesbilder.map(\.id) == ["manad", "tertialanalys", "torget"])
        #expect(config.lagesbild.id == "manad" && config.priorities?.period == .week)
        #expect(config.lagesbilder[2].period == .twoWeeks(startingOn: CalendarDate(iso: "2026-01-05")!))
        let today = CalendarDate(iso: "2026-12-02")!
        #expect(try config.lagesbild(id: nil, period: "last", area: nil, today: today).period.description == "2026-11")
        let tertial = try config.lagesbild(id: nil, period: "2026-T3", area: nil, today: today)
        #expect(tertial.lagesbild.id == "tertialanalys" && tertial.period.end == CalendarDate(iso: "2026-12-31"))
        #expect(try config.lagesbild(id: "tertialanalys", period: "last", area: nil, today: today).period.description == "2026-T2")
        #expect(try config.lagesbild(id: "torget", period: "current", area: nil, today: today).period.description == "2026-W48-49")
        #expect(try config.lagesbild(id: nil, period: "last", area: "torget", today: today).lagesbild.id == "torget")
        // A quarter has no lägesbild of its own: the main one is compiled for it.
        #expect(try config.lagesbild(id: nil, period: "2026-Q4", area: nil, today: today).lagesbild.id == "manad")
        #expect(throws: LagesbildChoiceError.self) { try config.lagesbild(id: "tertial", period: "last", area: nil, today: today) }
        #expect(throws: LagesbildChoiceError.self) { try config.lagesbild(id: "torget", period: "2026-W47-48", area: nil, today: today) }
        #expect(config.lagesbilder(kind: .tertial).map(\.id) == ["tertialanalys"])
        #expect(config.lagesbilder(kind: .quarter).map(\.id) == ["manad"])
        #expect(try config.priorityPeriod("2026-W47").description == "2026-W47")
        #expect(throws: LagesbildChoiceError.self) { try config.priorityPeriod("2026-11") }
    }

    @Test func lagesbildMistakes() {
        #expect(headlines([(Self.minimalLagesbild, """
            lagesbild:
              - id: a
                period: tertail
                compiledBy: team
                priorities: {period: quarter, areas: 2}
              - period: month
                compiledBy: team
              - id: b
                period: {kind: month, start: 2026-01-05}
                compiledBy: team
              - id: c
                period: {start: 2026-01-05}
                compiledBy: team
              - id: d
                period: month
                compiledBy: team
                priorities: {period: month, areas: 1}
              - id: e
                period: month
                compiledBy: team
                priorities: {period: month, areas: 1}
            """)]) == [
            "k.yaml:72:13: error: 'tertail' is not one of week, two-weeks, month, tertial, quarter, half-year, year (did you mean 'tertial'?) [at lagesbild[0].period]",
            "k.yaml:75:5: error: missing required key 'id' (each of several lägesbilder has one) [at lagesbild[1]]",
            "k.yaml:78:34: error: 'start' goes with two-weeks only: a month is aligned to the calendar [at lagesbild[2].period.start]",
            "k.yaml:81:13: error: missing required key 'kind' [at lagesbild[3].period]",
            "k.yaml:87:5: error: 'e' and 'd' are both per month for the whole kommun; give them different periods or areas [at lagesbild[5]]",
            "k.yaml:87:5: error: priorities are set in 'd' already; a kommun sets them once [at lagesbild[5]]",
        ])
    }

    @Test func renderedDiagnosticShowsTheLineAndACaret() {
        let loaded = decode(mutated([("          chair: true", "          chiar: true")]))
        #expect(loaded.renderedDiagnostics == """
            k.yaml:27:11: error: unknown key 'chiar' (did you mean 'chair'?) [at organisation.bodies[0].members[0].chiar]
                      chiar: true
                      ^
            """)
    }
}
