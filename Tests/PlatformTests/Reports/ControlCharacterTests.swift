import Testing
@testable import Platform
@testable import Plugins

/// Control characters from outside (a report field, a kommun file, a plugin's standard error) never reach
/// the store or the terminal as they are (issue 12, item 9).
@Suite("Control characters")
struct ControlCharacterTests {
    private func problems(_ column: ReportColumn, _ value: String) -> [String] {
        let validator = ReportValidator(config: ReportIngestTests.config, today: ReportIngestTests.today)
        var raw = RawReport(line: 7)
        raw[.date] = "2026-11-02"
        raw[.reporter] = "polisen"
        raw[.area] = "centrum"
        raw[.indicator] = "klotter"
        raw[column] = value
        switch validator.check(raw) {
        case .failure(let problems): return problems.messages
        case .success: return []
        }
    }

    @Test func aNULOrOtherControlInAFieldIsRefused() {
        #expect(problems(.note, "klotter\u{0}på väggen") == ["note contains a control character (U+0000); remove it"])
        #expect(problems(.note, "ljus\u{1B}]0;titel\u{7}") == ["note contains a control character (U+001B); remove it"])
        #expect(problems(.place, "torget\tnorra") == ["place contains a control character (U+0009); remove it"])
        #expect(problems(.id, "a\u{85}b") == ["id contains a control character (U+0085); remove it"])
        #expect(problems(.place, "torget\u{7F}") == ["place contains a control character (U+007F); remove it"])
    }

    @Test func tabsAndNewlinesInANoteAreKept() {
        #expect(problems(.note, "rad ett\r\nrad två\ttabb").isEmpty)
    }

    @Test func diagnosticsShowControlsEscaped() {
        let diagnostic = Diagnostic(file: "x\u{1B}.yaml", mark: Mark(line: 3, column: 1), message: "unknown key '\u{1B}]0;pwned\u{7}'")
        #expect(diagnostic.headline == "x\\u{1B}.yaml:3:1: error: unknown key '\\u{1B}]0;pwned\\u{7}'")
        let rendered = DiagnosticRenderer(source: "a: 1\nb: 2\n\u{1B}[2Jc\u{9B}: 3\n").render(diagnostic)
        #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x7 })
        #expect(rendered.contains("\\u{1B}[2Jc\\u{9B}: 3"))
    }

    @Test func pluginStandardErrorShowsControlsEscaped() {
        let error = PluginError(plugin: "x", message: "failed (exit status 1)", stderr: "boom\u{1B}]0;owned\u{7}\nrad\r två\n")
        #expect(error.description == """
            plugin 'x' failed (exit status 1)
              its standard error:
                boom\\u{1B}]0;owned\\u{7}
                rad\\u{D} två
            """)
    }
}
