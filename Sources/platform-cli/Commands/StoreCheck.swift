import ArgumentParser
import Platform

extension StoreCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Checks the store: integrity, foreign keys, migration level, rows per table; exit 1 on any problem.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let report = try StoreOpener.check(storeOptions.location)
            let language = languageOption.language ?? .sv
            print(language.pick("Migreringar: \(report.migrationsApplied) av \(report.migrationsKnown)",
                                "Migrations: \(report.migrationsApplied) of \(report.migrationsKnown)"))
            print(TextTable.render(header: [language.pick("tabell", "table"), language.pick("rader", "rows")],
                                   rows: report.tables.map { [$0.table, String($0.rows)] }), terminator: "")
            guard report.isSound else {
                for problem in report.problems { Output.error("error: " + problem) }
                throw ExitCode.failure
            }
            print(language.pick("Inga problem.", "No problems."))
        }
    }
}
