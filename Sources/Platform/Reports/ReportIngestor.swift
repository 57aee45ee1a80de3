import Foundation

/// Ingests reports for one kommun, from files or from any other source (an uploaded body, the web form): each
/// delivery goes into the store whole, or is refused whole with every problem listed; with `skipInvalid` a
/// file's refused rows are written to a file that can be corrected and ingested again.
public struct ReportIngestor: Sendable {
    /// What happened to one file.
    public struct FileResult {
        public var file: String
        /// Problems, as `file:line: error: …`.
        public var diagnostics: [Diagnostic]
        public var outcome: IngestOutcome?
        /// Where refused rows were written, with `skipInvalid`.
        public var refusedFile: String?

        /// True when nothing in the file was refused.
        public var isClean: Bool { diagnostics.isEmpty }

        /// What the store did with the file, as every door reports it; nil when the file could not be read.
        public var summary: ImportSummary? { outcome.map { ImportSummary($0, dryRun: isDryRun) } }
        /// Whether this was a dry run (the summary then counts what would have been stored).
        public var isDryRun = false
    }

    public let config: KommunConfig
    public var options: IngestOptions
    public var privacy: ReportValidator.PrivacyMode
    public var today: CalendarDate
    /// The ingest time stamped on stored rows.
    public var now: Date

    public init(config: KommunConfig, options: IngestOptions = .init(),
                privacy: ReportValidator.PrivacyMode = .refuse, today: CalendarDate? = nil, now: Date = Date()) {
        self.config = config
        self.options = options
        self.privacy = privacy
        self.today = today ?? CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: now)
        self.now = now
    }

    /// The rules every row is checked by.
    /// The validator every row of this ingest is checked with.
    private var validator: ReportValidator { ReportValidator(config: config, today: today, privacy: privacy) }

    /// Ingests one delivery from any source (an uploaded body, the web form) into `store`: the same checks,
    /// privacy guard, revisions and all-or-nothing rule as a file (`skipInvalid` and `dryRun` as `options` say;
    /// no refused-rows file is written). A problem after which the source cannot be read further is thrown
    /// as a `Diagnostic`, and nothing of the delivery is stored.
    public func ingest(_ source: some ReportRowSource, store: any ReportIntake) throws -> ImportSummary {
        ImportSummary(try store.ingest(delivery(source), now: now))
    }

    /// `source`'s rows as a delivery checked by this ingest's validator.
    private func delivery(_ source: some ReportRowSource) -> ReportDelivery {
        ReportDelivery(source: source, config: config, validator: validator, options: options)
    }

    /// Ingests each file in turn into the store `open` gives (opened once, when the first file could be read); a
    /// bad file does not stop the others.
    ///
    /// With `skipInvalid`, a file's refused rows are written before its valid rows are committed, in the
    /// same step: when they cannot be written, nothing of that file is stored. A store this run had to
    /// create is never removed again, even when nothing was stored in it: another process may have
    /// opened it meanwhile and committed to it (docs/reports.md, "The store").
    public func ingest(_ files: [String], store open: () throws -> any ReportIntake) throws -> [FileResult] {
        var store: (any ReportIntake)?
        var results: [FileResult] = []
        for file in files {
            // The file name is stored with every row: personal data in it refuses the file, which is shown
            // with the data redacted. (Only the name: folders are often named by random ids, and a folder
            // of one's own is named by oneself.)
            let name = URL(fileURLWithPath: file).lastPathComponent
            let nameFindings = PrivacyGuard.findings(in: name)
            guard nameFindings.isEmpty else {
                let shown = (file.hasSuffix(name) ? String(file.dropLast(name.count)) : "") + PrivacyGuard.redacted(name)
                let message = ReportValidator.privacyRefusal(nameFindings, in: "the file name", remedy: "rename the file")
                results.append(FileResult(file: shown, diagnostics: [Diagnostic(file: shown, mark: nil, message: message)]))
                continue
            }
            var result = FileResult(file: file, diagnostics: [])
            result.isDryRun = options.dryRun
            do {
                let reader = try ReportFileReader(path: file)
                if store == nil { store = try open() }
                let refusedPath = Self.refusedPath(for: file)
                let outcome = try store!.ingest(delivery(reader), now: now) { outcome in
                    guard options.skipInvalid, !outcome.refused.isEmpty else { return }
                    do {
                        try AtomicFile.write(Self.refusedCSV(outcome.refused), to: refusedPath)
                    } catch {
                        result.diagnostics += Self.diagnostics(outcome.refused, in: file)
                        throw Diagnostic(file: file, mark: nil, message: "cannot write the refused rows to \(refusedPath): "
                            + "\(Self.reason(error)); nothing of this file is stored")
                    }
                }
                result.outcome = outcome
                if let problem = outcome.fileProblem {
                    result.diagnostics.append(Diagnostic(file: file, mark: nil, message: problem))
                }
                result.diagnostics += Self.diagnostics(outcome.refused, in: file)
                if outcome.committed, !outcome.refused.isEmpty { result.refusedFile = refusedPath }
            } catch let diagnostic as Diagnostic {
                result.diagnostics.append(diagnostic)
            }
            results.append(result)
        }
        return results
    }

    /// One diagnostic per problem of each refused row of `file`.
    private static func diagnostics(_ refused: [(problems: RowProblems, raw: RawReport)], in file: String) -> [Diagnostic] {
        refused.flatMap { problems, _ in
            problems.messages.map { Diagnostic(file: file, mark: Mark(line: problems.line, column: 0), message: $0) }
        }
    }

    /// The system's reason for a failed file operation ("Permission denied", "File name too long").
    static func reason(_ error: Error) -> String {
        if let failure = error as? AtomicFile.Failure { return failure.reason }
        let error = error as NSError
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        if let posix = error.domain == NSPOSIXErrorDomain ? error : underlying, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }

    /// `reports/v47.csv` → `reports/v47.refused.csv`.
    public static func refusedPath(for file: String) -> String {
        let url = URL(fileURLWithPath: file)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).refused.csv").path
    }

    /// The refused rows as a report CSV with an `error` column, which ingest ignores. Personal data in
    /// them is redacted, so the refused-rows file never becomes a second copy of it. It is opened in a
    /// spreadsheet, so every cell is neutralised (`CSVWriter.neutralised`); the reader takes that off again
    /// in a file with an `error` column.
    static func refusedCSV(_ refused: [(problems: RowProblems, raw: RawReport)]) -> String {
        var writer = CSVWriter()
        writer.append(ReportColumn.allCases.map(\.rawValue) + [ReportFileReader.errorColumn])
        for (problems, raw) in refused {
            var fields = ReportColumn.allCases.map { raw.values[$0.index] ?? "" }
            for column in [ReportColumn.note, .place, .id] { fields[column.index] = PrivacyGuard.redacted(fields[column.index]) }
            writer.append(fields + ["line \(problems.line): " + problems.messages.joined(separator: "; ")], neutralising: true)
        }
        return writer.text
    }
}
