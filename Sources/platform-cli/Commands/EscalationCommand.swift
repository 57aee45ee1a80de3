import ArgumentParser
import Foundation
import Platform

struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation",
        abstract: "Declare or end a state such as social oro, which raises the frequency of the bodies the kommun's file names.",
        subcommands: [Declare.self, End.self, List.self],
        defaultSubcommand: List.self
    )

    /// The kommun, the escalation and the store, shared by the subcommands.
    struct Target: ParsableArguments {
        @Argument(help: "The kommun's id.")
        var kommun: String

        @Argument(help: "The escalation's id in the kommun file, e.g. social-oro.")
        var escalation: String

        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var storeOptions: StoreOptions

        /// The kommun, after checking that its file declares the escalation.
        func config() throws -> KommunConfig {
            let config = try catalogOptions.kommun(kommun)
            guard config.escalations.contains(where: { $0.id == escalation }) else {
                let known = config.escalations.map(\.id).joined(separator: ", ")
                throw ValidationError("\(kommun)'s file declares no escalation '\(escalation)' (known: \(known.isEmpty ? "none" : known))")
            }
            return config
        }
    }

    struct Declare: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "declare", abstract: "Declare the escalation in force from a date.")

        @OptionGroup var target: Target

        @Option(help: "First day, YYYY-MM-DD (default: today).")
        var from: CalendarDate?

        @Option(help: "Why, for the record.")
        var note: String?

        func run() throws {
            let config = try target.config()
            let from = from ?? Now.today(for: config)
            try ReportStore(path: target.storeOptions.resolvedPath).declare(target.escalation, kommun: config.id, from: from, note: note)
            let changes = config.escalations.first { $0.id == target.escalation }?.changes ?? []
            print("\(target.escalation) declared for \(config.id) from \(from)")
            for change in changes {
                print("  \(config.partyName(change.target)): \(change.cadence.summary(config.kommun.language))")
            }
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "end", abstract: "End the escalation; the given day is its last.")

        @OptionGroup var target: Target

        @Option(help: "Last day, YYYY-MM-DD (default: today).")
        var on: CalendarDate?

        func run() throws {
            let config = try target.config()
            let day = on ?? Now.today(for: config)
            try ReportStore(path: target.storeOptions.resolvedPath).end(target.escalation, kommun: config.id, on: day)
            print("\(target.escalation) for \(config.id) ended on \(day)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the escalations declared for a kommun.")

        @Argument(help: "The kommun's id.")
        var kommun: String

        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let config = try catalogOptions.kommun(kommun)
            let language = languageOption.resolved(for: config)
            let declared = try ReportStore.existing(at: storeOptions.resolvedPath)?.escalations(kommun: config.id) ?? []
            let rows = declared.map { [$0.escalation, $0.from.description, $0.until?.description ?? language.pick("gäller", "in force")] }
            let header = [language.pick("eskalering", "escalation"), language.pick("från", "from"), language.pick("till och med", "until")]
            print(TextTable.render(header: header, rows: rows), terminator: "")
        }
    }
}
