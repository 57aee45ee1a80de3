import ArgumentParser
import Foundation
import Platform

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Check report files against a kommun's file and store them.",
        discussion: """
            Each file (CSV with comma or semicolon, JSON array or JSON Lines; see docs/reports.md) is checked \
            row by row and stored in one transaction: a file with any problem is refused whole and nothing of \
            it is written, and every problem is listed as `file:line: error: …`. Ingesting the same file again \
            stores nothing new; a row with the same reporter and id but new content replaces the old one, and \
            the old revision is kept. Exit status 1 when a file was refused.
            """
    )

    @Argument(help: "The kommun's id.")
    var kommun: String

    @Argument(help: ArgumentHelp("Report files to ingest.", valueName: "file"))
    var files: [String]

    @Flag(help: "Store the valid rows of a file with bad rows, and write the refused rows with their reasons to FILE.refused.csv, which can be corrected and ingested again.")
    var skipInvalid = false

    @Flag(help: "Check and count, but write nothing.")
    var dryRun = false

    @Flag(help: "Store rows whose note or place holds personal data, with the data replaced by [personnummer], [telefon] or [e-post] (by default such rows are refused).")
    var redact = false

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let ingestor = ReportIngestor(config: config,
                                      options: .init(skipInvalid: skipInvalid, dryRun: dryRun),
                                      privacy: redact ? .redact : .refuse, today: Now.today(for: config), now: Now.date)
        var refusedFiles = 0
        for result in try ingestor.ingest(files, store: { try storeOptions.forIngest(dryRun: dryRun) }) {
            let listed = ReportLimits().problemsListed
            for diagnostic in result.diagnostics.prefix(listed) { Output.error(diagnostic.headline) }
            if result.diagnostics.count > listed { Output.error("\(result.file): and \(result.diagnostics.count - listed) more problems") }
            guard let summary = result.summary, summary.problem == nil else {
                Output.error("\(result.file): refused; nothing stored")
                refusedFiles += 1
                continue
            }
            let counts = "\(summary.stored) new, \(summary.corrected) revised, \(summary.unchanged) unchanged"
            if dryRun {
                let withdrawn = summary.withdrawn > 0 ? ", \(summary.withdrawn) replaced without id" : ""
                print("\(result.file): dry run: \(counts), \(summary.refused.count) refused\(withdrawn); nothing written")
                if !summary.refused.isEmpty && !skipInvalid { refusedFiles += 1 }
            } else if summary.committed {
                var line = "\(result.file): \(counts)"
                if summary.withdrawn > 0 { line += "; \(summary.withdrawn) replaced without id, withdrawn" }
                if let refusedFile = result.refusedFile {
                    line += "; \(summary.refused.count.counted("row")) refused, written to \(refusedFile)"
                }
                print(line)
            } else {
                Output.error("\(result.file): refused (\(summary.refused.count.counted("bad row"))); nothing stored")
                refusedFiles += 1
            }
        }
        if refusedFiles > 0 { throw ExitCode.failure }
    }
}
