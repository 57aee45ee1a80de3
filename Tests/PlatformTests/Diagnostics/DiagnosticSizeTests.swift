import Testing
@testable import Platform

/// A message about a hostile file stays short however long the file's lines, keys or values are.
@Suite("Diagnostic size")
struct DiagnosticSizeTests {
    @Test func aHugeKeyIsCutInTheMessage() {
        let key = String(repeating: "k", count: 60_000)
        // An explicit key (`? …`), as an implicit one may not be longer than 1024 characters.
        let loaded = KommunConfigLoader().decode("kommun:\n  id: x\n  name: X\n? \(key)\n: 1\n", file: "big.yaml")
        let rendered = loaded.renderedDiagnostics
        #expect(!loaded.diagnostics.isEmpty)
        #expect(rendered.utf8.count < 2000, "\(rendered.utf8.count) bytes")
        #expect(loaded.diagnostics.contains { $0.headline.contains(": error: unknown key 'kkkk") && $0.headline.utf8.count < 1000 })
    }

    /// A long source line is shown as a window around the column, the caret still under it.
    @Test func aLongLineIsShownAroundTheColumn() {
        let line = "kommun: {id: x, name: X, " + String(repeating: "a: 1, ", count: 200_000) + "}"
        let loaded = KommunConfigLoader().decode(line + "\n", file: "long.yaml")
        let rendered = loaded.renderedDiagnostics
        #expect(rendered.utf8.count < 2000, "\(rendered.utf8.count) bytes")
        let diagnostic = Diagnostic(file: "f", mark: Mark(line: 1, column: 500), message: "here")
        let lines = DiagnosticRenderer(source: String(repeating: "ab", count: 249) + "aX" + String(repeating: "cd", count: 500))
            .render(diagnostic).split(separator: "\n")
        #expect(lines.count == 3)
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "X", "\(lines[1]) / \(lines[2])")
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("…"))
    }
}
