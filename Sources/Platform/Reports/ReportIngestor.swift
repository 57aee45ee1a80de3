import Foundation

/// Ingests report files for one kommun: each file goes into the store whole, or is refused whole with
/// every problem listed; with `skipInvalid` the refused rows are written to a file that can be corrected
/// and ingested again.
public struct ReportIngestor {
    /// What happened to one file.
    public struct FileResult {
        public var file: String
        /// Problems, as `file:line: error: …`.
        public var diagnostics: [Diagnostic]
        public var outcome: ReportStore.IngestOutcome?
        /// Where refused rows were written, with `skipInvalid`.
        public var refusedFile: String?

        /// True when nothing in the file was refused.
        public var isClean: Bool { diagnostics.isEmpty }
    }

    public let config: KommunConfig
    public let storePath: String
    public var options: ReportStore.IngestOptions
    public var privacy: ReportValidator.PrivacyMode
    public var today: CalendarDate
    /// The ingest time stamped on stored rows.
    public var now: Date

    public init(config: KommunConfig, storePath: String, options: ReportStore.IngestOptions = .init(),
                privacy: ReportValidator.PrivacyMode = .refuse, today: CalendarDate? = nil, now: Date = Date()) {
        self.config = config
        self.storePath = storePath
        self.options = options
        self.privacy = privacy
        self.today = today ?? CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: now)
        self.now = now
    }

    /// Ingests each file in turn; a bad file does not stop the others.
    public func ingest(_ files: [String]) throws -> [FileResult] {
        let validator = ReportValidator(config: config, today: today, privacy: privacy)
        var store: ReportStore?
        let storeExisted = FileManager.default.fileExists(atPath: storePath)
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
            do {
                let reader = try ReportFileReader(path: file)
                if store == nil { store = try ReportStore(path: storePath) }
                let outcome = try store!.ingest(reader, config: config, validator: validator, options: options, now: now)
                result.outcome = outcome
                if let problem = outcome.fileProblem {
                    result.diagnostics.append(Diagnostic(file: file, mark: nil, message: problem))
                }
                for (problems, _) in outcome.refused {
                    result.diagnostics += problems.messages.map {
                        Diagnostic(file: file, mark: Mark(line: problems.line, column: 0), message: $0)
                    }
                }
                if options.skipInvalid, !options.dryRun, !outcome.refused.isEmpty {
                    let path = Self.refusedPath(for: file)
                    try AtomicFile.write(Self.refusedCSV(outcome.refused), to: path)
                    result.refusedFile = path
                }
            } catch let diagnostic as Diagnostic {
                result.diagnostics.append(diagnostic)
            }
            results.append(result)
        }
        // A store this run created and never wrote to is removed, so a refused first file leaves nothing.
        if !storeExisted, store != nil, !results.contains(where: { $0.outcome?.committed == true }) {
            store = nil  // closes the database before its files go
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
        }
        return results
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
