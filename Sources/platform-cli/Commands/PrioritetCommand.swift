import ArgumentParser
import Foundation
import Platform

struct PrioritetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prioritet",
        abstract: "Priority areas per period: propose them from the reports, record the decision, show it.",
        discussion: "See docs/insatser.md for the score.",
        subcommands: [Propose.self, Decide.self, Show.self],
        defaultSubcommand: Show.self
    )

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "propose", abstract: "Propose the priority areas for a period by the weighted score.")

        @Argument(help: "The kommun's id.") var kommun: String
        @Option(help: "The period the priorities are for, e.g. 2026-Q4.") var period: String
        @OptionGroup var language: LanguageOption
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let config = try catalogOptions.kommun(kommun)
            let period = try config.priorityPeriod(period)
            let lang = language.resolved(for: config)
            let proposal = try PriorityProposal(config: config, period: period, store: storeOptions.reading())
            func number(_ value: Double) -> String { lang.number(value, decimals: 3) }
            let rows = proposal.scores.map { [$0.area, number($0.volume), number($0.baseline), number($0.trend), number($0.severity), number($0.score)] }
            print(lang.pick("Förslag till prioriterade områden \(period) för \(config.kommun.name)", "Proposed priority areas \(period) for \(config.kommun.name)"))
            print(TextTable.render(header: [lang.pick("område", "area"), "V", "B", "T", "S", lang.pick("poäng", "score")], rows: rows), terminator: "")
            print(proposal.formula(lang))
            print(lang.pick("Föreslås: ", "Proposed: ") + proposal.proposed.joined(separator: ", "))
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide", abstract: "Record the decided priority areas for a period.")

        @Argument(help: "The kommun's id.") var kommun: String
        @Option(help: "The period, e.g. 2026-Q4.") var period: String
        @Option(help: "Area ids, comma-separated.") var areas: String
        @Option(help: "The deciding body's id.") var by: String
        @Option(help: "Day of the decision (default: today).") var on: CalendarDate?
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let config = try catalogOptions.kommun(kommun)
            let period = try config.priorityPeriod(period)
            let day = on ?? Now.today(for: config)
            let ids = InsatsCommand.ids(areas)
            try storeOptions.open().decidePriorities(kommun: config, period: period, areas: ids, decidedBy: by, on: day,
                                                                                   now: Now.date)
            print("\(config.id) \(period): \(ids.joined(separator: ", ")) decided by \(config.partyName(by)) on \(day)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the decided priorities, for one period or all.")

        @Argument(help: "The kommun's id.") var kommun: String
        @Option(help: "Only this period, e.g. 2026-Q4.") var period: String?
        @OptionGroup var language: LanguageOption
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let config = try catalogOptions.kommun(kommun)
            let lang = language.resolved(for: config)
            let store = try storeOptions.reading()
            let decisions: [PriorityDecision]
            if let period {
                decisions = try store.priorities(kommun: config.id, period: config.priorityPeriod(period)).map { [$0] } ?? []
            } else {
                decisions = try store.priorityDecisions(kommun: config.id)
            }
            let rows = decisions.map { [$0.period.description, $0.areas.joined(separator: ", "), config.partyName($0.decidedBy), $0.decidedOn.description] }
            let header = [lang.pick("period", "period"), lang.pick("områden", "areas"), lang.pick("beslutat av", "decided by"), lang.pick("den", "on")]
            print(TextTable.render(header: header, rows: rows), terminator: "")
        }
    }
}
