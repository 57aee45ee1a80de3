import Foundation

/// One delivery of reports on its way into the store (a file, an uploaded body, a web form): its rows are
/// read from their source and checked by the kommun's validator as the store takes them (`next()`), so the
/// store sees only valid reports and never runs the reader or the validator itself.
///
/// `@unchecked Sendable`: a delivery is made by the door that received it and then read by the one writer
/// that stores it, never by two threads at once.
public final class ReportDelivery: @unchecked Sendable {
    /// The file or source name stored with every row.
    public let file: String
    public let kommun: String
    /// The checklist the rows are checked against, stored under its version.
    public let checklist: Checklist
    public let options: IngestOptions
    /// The delivery's id-less rows add to the stored ones (a refused-rows file, corrected): one equal to a row
    /// another file stored is another occurrence, not that row again.
    public let addsToStored: Bool
    /// The audit event of a stored delivery, written in the same transaction (nil: none).
    public let audit: @Sendable (IngestOutcome) -> AuditEvent?
    /// The rows refused so far, with their problems and their text, in the order read.
    public private(set) var refused: [(problems: RowProblems, raw: RawReport)] = []

    private let source: any ReportRowSource
    private let validator: ReportValidator
    private var lastRaw: RawReport?

    public init(source: any ReportRowSource, config: KommunConfig, validator: ReportValidator, options: IngestOptions = .init(),
                audit: @escaping @Sendable (IngestOutcome) -> AuditEvent? = { _ in nil }) {
        file = source.file
        kommun = config.id
        checklist = config.checklist
        addsToStored = source.isRefusedRows
        self.source = source
        self.validator = validator
        self.options = options
        self.audit = audit
    }

    /// The next valid report; invalid rows are kept in `refused` and passed over. A problem after which the
    /// source cannot be read further is thrown.
    public func next() throws -> Report? {
        while let raw = try source.next() {
            switch validator.check(raw) {
            case .success(let report):
                lastRaw = raw
                return report
            case .failure(let problems):
                refused.append((problems, raw))
            }
        }
        return nil
    }

    /// Refuses the report `next()` returned last, for a reason only the store can see.
    private func refuseLast(because message: String) {
        guard let raw = lastRaw else { return }
        refused.append((RowProblems(line: raw.line, messages: [message]), raw))
    }

    /// The report `next()` returned last repeats an id of this delivery.
    public func refuseRepeatedID(_ report: Report) {
        refuseLast(because: "id '\(report.ref ?? "")' of reporter '\(report.reporter)' appears more than once in this file")
    }
}
