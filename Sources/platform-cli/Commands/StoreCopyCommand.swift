import ArgumentParser
import Platform

extension StoreCommand {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copies a whole store into a new, empty one: SQLite to PostgreSQL, or back.",
            discussion: """
                Every table is copied in one transaction, ids included; the target must be empty (a new database or \
                file). Afterwards every table's rows are counted on both sides. Compare `lagesbild --all --format json` \
                on both stores to see that nothing changed (docs/deploy.md).
                """)

        @Option(help: ArgumentHelp("The store to copy: a SQLite file or postgres://… .", valueName: "store"))
        var from: String

        @Option(help: ArgumentHelp("The new store: a SQLite file (created) or postgres://… (an empty database).", valueName: "store"))
        var to: String

        @OptionGroup var languageOption: LanguageOption

        func validate() throws {
            _ = try StoreLocation(from, source: "--from")
            _ = try StoreLocation(to, source: "--to")
        }

        func run() throws {
            let source = try StoreOpener.reading(StoreLocation(from, source: "--from"))
            let target = try StoreOpener.open(StoreLocation(to, source: "--to"))
            let summary = try StoreCopy.copy(from: source, to: target)
            let language = languageOption.language ?? .sv
            print(TextTable.render(header: [language.pick("tabell", "table"), language.pick("rader", "rows")],
                                   rows: summary.tables.map { [$0.table, String($0.rows)] }), terminator: "")
            print(language.pick("Kopierat: \(summary.tables.map(\.rows).reduce(0, +)) rader i \(summary.tables.count) tabeller.",
                                "Copied: \(summary.tables.map(\.rows).reduce(0, +)) rows in \(summary.tables.count) tables."))
        }
    }
}
