/// Where report rows come from: a file, an uploaded body, a web form. Every source goes into the store the
/// same way (`ReportIntake.ingest`, through a `ReportDelivery`): the same validator, privacy guard, revisions and all-or-nothing rule.
public protocol ReportRowSource: AnyObject {
    /// Names the delivery in the store and in messages ("reports/v47.csv", "webbformulär", "api").
    var file: String { get }
    /// True when the rows are a corrected refused-rows file: its id-less rows add to what is stored and
    /// re-deliver nothing (docs/reports.md).
    var isRefusedRows: Bool { get }
    /// The next row, or nil at the end; a problem after which nothing more can be read is thrown.
    func next() throws(Diagnostic) -> RawReport?
}

extension ReportFileReader: ReportRowSource {}
