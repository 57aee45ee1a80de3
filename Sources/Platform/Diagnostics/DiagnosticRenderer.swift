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
        let line = lines[mark.line - 1].replacingTabs()
        let indent = String(repeating: " ", count: max(0, mark.column - 1))
        return "\(diagnostic.headline)\n\(line)\n\(indent)^"
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
