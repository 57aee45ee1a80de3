import ArgumentParser
import Foundation
import Platform

struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "What reports are due for a period, and which are late or missing.",
        discussion: """
            Reports are due at the start of the first meeting after the period of the body that reads the \
            lägesbild (lagesbild.readBy, else the body that compiles it); without one, at noon on the first \
            working day after the period. Exit status 1 when an expected report is missing past its deadline.
            """
    )

    @Argument(help: "The kommun's id.")
    var kommun: String

    @OptionGroup var periodOption: PeriodOption
    @OptionGroup var choice: LagesbildChoiceOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let language = languageOption.resolved(for: config)
        let today = Now.today(for: config)
        let (definition, period) = try choice.resolved(for: config, period: periodOption.text, today: today)
        let store = try storeOptions.reading()
        let lagesbild = try LagesbildCompiler(config: config, store: store, now: Now.date, area: choice.area)
            .compile(period: period, language: language, parts: .reporting, as: definition)
        let completeness = lagesbild.completeness
        print("\(config.kommun.name), \(period.label(language)): " + language.pick("rapporter senast ", "reports due ")
            + completeness.due.replacingOccurrences(of: "T", with: " ") + (completeness.dueFor.map { " (\($0))" } ?? ""))
        let rows = completeness.reporters.filter(\.expected).map { reporter in
            [reporter.name, String(reporter.rows), reporter.timeliness.label(language), reporter.firstIngestedAt ?? "–"]
        }
        print(TextTable.render(header: [language.pick("rapportör", "reporter"), language.pick("rader", "rows"),
                                        language.pick("status", "status"), language.pick("första inläsning", "first ingested")],
                               rows: rows), terminator: "")
        if completeness.reporters.contains(where: { $0.expected && $0.timeliness == .missing }) { throw ExitCode.failure }
    }
}
