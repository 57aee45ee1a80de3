/// What one delivery did, as every door reports it: `platform-cli ingest` prints it, the API answers with it
/// as JSON, the web form shows it.
public struct ImportSummary: Sendable, Equatable, Codable {
    /// The delivery's name ("reports/v47.csv", "webbformulär", "api").
    public var source: String
    /// Rows stored for the first time.
    public var stored: Int
    /// Rows that replaced an earlier revision (same reporter and id, new content).
    public var corrected: Int
    /// Rows already stored as they are.
    public var unchanged: Int
    /// Stored rows without an id that this delivery replaced, and so withdrew (docs/reports.md).
    public var withdrawn: Int
    /// Every refused row, with every problem it has.
    public var refused: [RefusedRow]
    /// Whether anything was written: false for a refused delivery and for a dry run.
    public var committed: Bool
    /// A problem with the delivery as a whole (its checklist version, for instance); nothing is stored.
    public var problem: String?

    /// One refused row: its line (a file's line, the event's number in a form) and every problem with it.
    /// The problems name what is wrong, never personal data found in the row.
    public struct RefusedRow: Sendable, Equatable, Codable {
        public var line: Int
        public var problems: [String]

        public init(line: Int, problems: [String]) {
            self.line = line
            self.problems = problems
        }
    }

    public init(source: String, stored: Int = 0, corrected: Int = 0, unchanged: Int = 0, withdrawn: Int = 0,
                refused: [RefusedRow] = [], committed: Bool = false, problem: String? = nil) {
        (self.source, self.stored, self.corrected, self.unchanged, self.withdrawn) = (source, stored, corrected, unchanged, withdrawn)
        (self.refused, self.committed, self.problem) = (refused, committed, problem)
    }

    /// A delivery refused before any row was checked: its body could not be read (not CSV, JSON or JSON Lines,
    /// too large); `diagnostic` is the one problem, on its line (0: the delivery as a whole).
    public init(source: String, refusing diagnostic: Diagnostic) {
        self.init(source: source, refused: [RefusedRow(line: diagnostic.mark?.line ?? 0, problems: [diagnostic.message])])
    }

    /// The summary of what the store did with one delivery: a refused delivery stored, corrected and
    /// withdrew nothing, so its counts are 0 (its rows are in `refused`, or `problem` says why). A dry run
    /// counts what it would have done.
    public init(_ outcome: IngestOutcome, dryRun: Bool = false) {
        let kept = outcome.committed || dryRun
        self.init(source: outcome.file, stored: kept ? outcome.new : 0, corrected: kept ? outcome.revised : 0,
                  unchanged: kept ? outcome.unchanged : 0, withdrawn: kept ? outcome.withdrawn : 0,
                  refused: outcome.refused.map { RefusedRow(line: $0.problems.line, problems: $0.problems.messages) },
                  committed: outcome.committed, problem: outcome.fileProblem)
    }
}
