/// What one reporter stored for a span of days: its rows, or its word that it had nothing to report.
public struct ReporterActivity: Sendable, Hashable {
    public var reporter: String
    public var rows: Int
    /// When the first of them was ingested (or nothing to report was recorded): what timeliness is judged by.
    public var firstIngestedAt: String
    public var lastIngestedAt: String
    /// Whether the reporter recorded "inget att rapportera" for a period overlapping the span.
    public var nothingToReport = false

    public init(reporter: String, rows: Int, firstIngestedAt: String, lastIngestedAt: String, nothingToReport: Bool = false) {
        self.reporter = reporter
        self.rows = rows
        self.firstIngestedAt = firstIngestedAt
        self.lastIngestedAt = lastIngestedAt
        self.nothingToReport = nothingToReport
    }
}
