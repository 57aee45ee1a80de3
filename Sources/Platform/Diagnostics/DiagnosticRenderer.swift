/// Renders diagnostics with the offending source line and a caret under the column.
public struct DiagnosticRenderer: Sendable {
    private let lines: [Substring]

    /// - Parameter source: the text of the file the diagnostics point into.
    public init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The headline, then the source line and a caret when the diagnostic has a mark in this source.
    public func render(_ diagnostic: Diagnostic) -> String {
        guard let mark = diagnostic.mark, mark.line >= 1, mark.line <= lines.count else {
            return diagnostic.headline
        }
        let (line, column) = Self.window(lines[mark.line - 1], around: mark.column)
        let indent = String(repeating: " ", count: max(0, column - 1))
        return "\(diagnostic.headline)\n\(line)\n\(indent)^"
    }

    /// The characters of `line` within `radius` of `column` (1-based), with "…" where the line goes on,
    /// and the column within what is shown: a line of a megabyte is not printed whole.
    static func window(_ line: Substring, around column: Int, radius: Int = 80) -> (String, Int) {
        let skipped = max(0, column - 1 - radius)
        let start = line.index(line.startIndex, offsetBy: skipped, limitedBy: line.endIndex) ?? line.endIndex
        let end = line.index(start, offsetBy: 2 * radius + 1, limitedBy: line.endIndex) ?? line.endIndex
        var shown = line[start..<end].replacingTabs(), shownColumn = column - skipped
        if skipped > 0 {
            shown = "…" + shown
            shownColumn += 1
        }
        if end < line.endIndex, line[end...].contains(where: { $0 != "\r" }) { shown += "…" }
        return (shown, shownColumn)
    }

    /// Every diagnostic rendered, separated by newlines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }
}

extension Substring {
    /// The line with tabs shown as single spaces, so the caret stays under its column; any `\r` dropped and
    /// other control characters escaped.
    fileprivate func replacingTabs() -> String {
        TerminalText.escaped(String(self.filter { $0 != "\r" }.map { $0 == "\t" ? " " : $0 }))
    }
}
