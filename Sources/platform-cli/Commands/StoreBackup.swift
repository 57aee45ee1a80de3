import ArgumentParser
import Platform

extension StoreCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "A consistent copy of the SQLite store (SQLite's online backup), safe while serve writes to it.",
            discussion: "The copy is written next to FILE, checked, and renamed into place: whole or not at all.")

        @Argument(help: ArgumentHelp("The copy to write.", valueName: "file")) var file: String
        @Flag(name: .customLong("force"), help: "Replace FILE when it exists.") var force = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            guard case .sqlite(let path) = try storeOptions.location else {
                throw Diagnostic(file: "--store", mark: nil, message: "store backup copies a SQLite store; back up a PostgreSQL "
                    + "store with pg_dump (docs/deploy.md)")
            }
            let report = try ReportStore.backup(at: path, to: file, replacing: force)
            let language = languageOption.language ?? .sv
            let rows = report.tables.reduce(0) { $0 + $1.rows }
            print(language.pick("Kopia skriven: \(file) (\(report.tables.count) tabeller, \(rows) rader, kontrollen godkänd)",
                                "Copy written: \(file) (\(report.tables.count) tables, \(rows) rows, check passed)"))
        }
    }
}
