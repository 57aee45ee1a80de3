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

    /// The summary of what the store did with one delivery.
    public init(_ outcome: ReportStore.IngestOutcome) {
        self.init(source: outcome.file, stored: outcome.new, corrected: outcome.revised, unchanged: outcome.unchanged,
                  withdrawn: outcome.withdrawn,
                  refused: outcome.refused.map { RefusedRow(line: $0.problems.line, problems: $0.problems.messages) },
                  committed: outcome.committed, problem: outcome.fileProblem)
    }
}
