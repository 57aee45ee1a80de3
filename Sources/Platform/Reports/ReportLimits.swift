/// How much one report file may hold, checked as its bytes arrive, so a broken or hostile file is refused
/// before it takes the memory or the time; documented in docs/reports.md ("Limits"). Tests lower them.
public struct ReportLimits: Sendable {
    /// The longest record in bytes, a quoted field's line breaks included.
    public var recordBytes: Int
    /// The most columns in the header or a row.
    public var columns: Int
    /// The longest field in bytes.
    public var fieldBytes: Int
    /// The largest JSON or JSON Lines file in bytes (these are read whole; CSV is streamed and has no limit).
    public var jsonBytes: Int
    /// The most problems one message lists before it counts the rest.
    public var problemsShown: Int
    /// The most problems listed for one file before the rest are counted.
    public var problemsListed: Int
    /// The most characters of a file's text a message quotes.
    public var quotedCharacters: Int

    public init(recordBytes: Int = 1 << 20, columns: Int = 200, fieldBytes: Int = 64 << 10, jsonBytes: Int = 128 << 20,
                problemsShown: Int = 10, problemsListed: Int = 50, quotedCharacters: Int = 60) {
        self.recordBytes = recordBytes
        self.columns = columns
        self.fieldBytes = fieldBytes
        self.jsonBytes = jsonBytes
        self.problemsShown = problemsShown
        self.problemsListed = problemsListed
        self.quotedCharacters = quotedCharacters
    }

    /// `bytes` as "4 KiB" or "1 MiB" when it is a whole number of them.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// `text` for quoting in a message: cut to `quotedCharacters`, with "…" where it was cut.
    public func quoted(_ text: String) -> String {
        Diagnostic.shown(text, characters: quotedCharacters)
    }

    /// The first `problemsShown` problems, joined, and how many more there were.
    func joined(_ problems: [String]) -> String {
        var shown = problems.prefix(problemsShown).joined(separator: "; ")
        if problems.count > problemsShown { shown += "; and \(problems.count - problemsShown) more problems" }
        return shown
    }
}
