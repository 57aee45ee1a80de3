import Foundation

/// Reports going in, and what a reporter sees of its own: every door (file, form, API, upload) stores
/// through `ingest`, with the same checks (`ReportDelivery`), revisions and all-or-nothing rule.
public protocol ReportIntake: Sendable {
    /// Stores one delivery in one transaction: whole, or (unless `skipInvalid`) not at all. Re-ingesting a
    /// row stores nothing new; a row with the same reporter and `id` but new content replaces the old, which
    /// the revisions keep. `beforeCommit` runs inside the transaction just before it commits (never on a dry
    /// run or a refused delivery); when it throws, nothing is stored and the error is rethrown.
    func ingest(_ delivery: ReportDelivery, now: Date, beforeCommit: (IngestOutcome) throws -> Void) throws -> IngestOutcome
    /// Group commit: several deliveries in one transaction, each all or nothing on its own, one durable
    /// commit for them all; the outcomes in the deliveries' order (a delivery that could not be read gets its
    /// error).
    func ingest(batch: [ReportDelivery], now: Date) throws -> [Result<IngestOutcome, any Error>]
    /// Withdraws the current report of `reporter` with id `ref` (a revision, never a delete), recorded as a
    /// delivery named `source`; throws a `Diagnostic` when there is no such current report.
    func withdraw(kommun: String, reporter: String, ref: String, source: String, now: Date) throws
    /// "Inget att rapportera" for `period`; recording it again changes nothing.
    func recordNothingToReport(kommun: String, reporter: String, period: Period, source: String, now: Date) throws
    /// The periods `reporter` recorded nothing to report for that overlap the span, in order.
    func nothingToReport(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [Period]
    /// The current rows `reporter` stored dated in the span, newest first; rows delivered without an id have
    /// no `ref`.
    func reports(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [StoredReport]
    /// Current rows stored for `kommun`, and earlier revisions kept (corrected rows' and withdrawn ones).
    func counts(kommun: String) throws -> (reports: Int, revisions: Int)
    /// The stored report of `reporter` with reference `ref` and its earlier revisions' values, oldest first.
    func history(kommun: String, reporter: String, ref: String) throws -> (current: Int?, earlier: [Int])
}

extension Diagnostic {
    /// What `ReportIntake.withdraw` throws when `kommun` has no current report of `reporter` with the id given
    /// (the message does not repeat the id).
    public static func noCurrentReport(kommun: String, reporter: String, source: String) -> Diagnostic {
        Diagnostic(file: source, mark: nil, message: "\(kommun) has no current report of '\(reporter)' with that id")
    }
}

extension ReportIntake {
    /// `ingest(_:now:beforeCommit:)` with nothing to do before the commit.
    public func ingest(_ delivery: ReportDelivery, now: Date) throws -> IngestOutcome {
        try ingest(delivery, now: now, beforeCommit: { _ in })
    }

    /// As `recordNothingToReport(kommun:…)`, for one of the reporters `config` lists; any other is refused, with
    /// the nearest one suggested.
    public func recordNothingToReport(config: KommunConfig, reporter: String, period: Period, source: String, now: Date) throws {
        let known = config.reporters.map(\.organisation)
        guard known.contains(reporter) else {
            var message = "unknown reporter '\(ReportLimits().quoted(reporter))'"
            if let suggestion = Suggestion.nearest(to: reporter, among: known) { message += " (did you mean '\(suggestion)'?)" }
            throw Diagnostic(file: source, mark: nil, message: message)
        }
        try recordNothingToReport(kommun: config.id, reporter: reporter, period: period, source: source, now: now)
    }
}
