/// A problem found in an input file, reported the way a compiler does.
public struct Diagnostic: Sendable, Hashable, Error {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    /// The file as the user named it. A mark with column 0 names a line only (`file:12: error: …`).
    public var file: String
    /// Where in the file, when known.
    public var mark: Mark?
    /// The YAML path (`organisation.bodies[2].members[0].role`) or other location inside the document.
    public var path: String?
    public var message: String

    public init(_ severity: Severity = .error, file: String, mark: Mark?, path: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.mark = mark
        self.path = path
        self.message = message
    }

    /// The most characters of a message or a path a headline shows (a hostile file's 60,000-character key
    /// would otherwise be printed whole, twice).
    public static let shownCharacters = 300

    /// `file:line:col: error: message (at path)`, the first line of the rendering; control characters (from
    /// the file's name or text quoted in the message) are escaped.
    public var headline: String {
        var location = file
        if let mark { location += mark.column > 0 ? ":\(mark.line):\(mark.column)" : ":\(mark.line)" }
        var text = "\(location): \(severity.rawValue): \(Self.shown(message, keepingEnd: true))"
        if let path, !path.isEmpty { text += " [at \(Self.shown(path))]" }
        return TerminalText.escaped(text)
    }
}

extension Diagnostic {
    /// `text` cut to `characters`, with "…" where it was cut; `keepingEnd` keeps its last third too, so that
    /// the end of a message (often the reason: "File name too long") stays when a long path fills its middle.
    public static func shown(_ text: String, characters: Int = shownCharacters, keepingEnd: Bool = false) -> String {
        guard text.utf8.count > characters, text.count > characters else { return text }
        let tail = keepingEnd ? characters / 3 : 0
        return text.prefix(characters - tail) + "…" + text.suffix(tail)
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { headline }
}
