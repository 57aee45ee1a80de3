/// Rows delivered with an API token bound to one reporter organisation: a row in another reporter's name
/// is refused (with the others, all or nothing), so a token can only ever speak for its own organisation.
public final class ReporterBoundRows<Source: ReportRowSource>: ReportRowSource {
    private let source: Source
    private let reporter: String?

    /// `reporter` nil: the token may deliver for any of the kommun's reporters.
    public init(_ source: Source, reporter: String?) {
        self.source = source
        self.reporter = reporter
    }

    public var file: String { source.file }
    public var isRefusedRows: Bool { source.isRefusedRows }

    public func next() throws(Diagnostic) -> RawReport? {
        guard var row = try source.next() else { return nil }
        if let reporter, let given = row[.reporter], given != reporter {
            row.problems.append("this token delivers for reporter '\(reporter)' only")
        }
        return row
    }
}
