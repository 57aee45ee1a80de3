/// Rows a person typed into the web form: each row's `line` is the event's number in the form, 1-based, so
/// that every problem can be shown next to its event. A field longer than `ReportLimits.fieldBytes` is a
/// problem of its row, as in a file.
public final class FormRows: ReportRowSource {
    public let file: String
    public var isRefusedRows: Bool { false }
    private let rows: [RawReport]
    private let limits: ReportLimits
    private var index = 0

    /// `name` names the delivery in the store ("webbformulär").
    public init(name: String, rows: [RawReport], limits: ReportLimits = ReportLimits()) {
        file = name
        self.rows = rows
        self.limits = limits
    }

    public func next() throws(Diagnostic) -> RawReport? {
        guard index < rows.count else { return nil }
        var raw = rows[index]
        index += 1
        for column in ReportColumn.allCases where (raw.values[column.index]?.utf8.count ?? 0) > limits.fieldBytes {
            raw.problems.append("field '\(column.rawValue)' is longer than \(limits.fieldBytes) bytes")
            raw.values[column.index] = nil
        }
        return raw
    }
}
