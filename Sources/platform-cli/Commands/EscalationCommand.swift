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

        @Option(help: "The area it is declared in (and the areas below it); default: the whole kommun.")
        var area: String?

        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var storeOptions: StoreOptions

        /// The kommun, after checking that its file declares the escalation and the area.
        func config() throws -> KommunConfig {
            let config = try catalogOptions.kommun(kommun)
            guard config.escalations.contains(where: { $0.id == escalation }) else {
                let known = config.escalations.map(\.id).joined(separator: ", ")
                throw ValidationError("\(kommun)'s file declares no escalation '\(escalation)' (known: \(known.isEmpty ? "none" : known))")
            }
            if let area { _ = try config.requireArea(area) }
            return config
        }

        /// `lysekil`, or `orebro in Vivalla`.
        func scope(_ config: KommunConfig) -> String {
            config.id + (area.flatMap(config.area).map { " in \($0.name)" } ?? "")
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
            try target.storeOptions.open()
                .declare(target.escalation, kommun: config.id, area: target.area, from: from, note: note, now: Now.date)
            let declared = DeclaredEscalation(escalation: target.escalation, from: from, until: nil, area: target.area)
            print("\(target.escalation) declared for \(target.scope(config)) from \(from)")
            let changes = config.changes(raisedBy: declared)
            if changes.isEmpty { print("  no body or activity there meets more often: none of its changes targets one") }
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
            try target.storeOptions.open().end(target.escalation, kommun: config.id, area: target.area, on: day, now: Now.date)
            print("\(target.escalation) for \(target.scope(config)) ended on \(day)")
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
            let declared = try storeOptions.reading().escalations(kommun: config.id)
            // The area column only once an escalation is declared in an area.
            let areas = declared.contains { $0.area != nil }
            let rows = declared.map { item in
                [item.escalation] + (areas ? [item.area ?? language.pick("(hela kommunen)", "(the whole kommun)")] : [])
                    + [item.from.description, item.until?.description ?? language.pick("gäller", "in force")]
            }
            let header = [language.pick("eskalering", "escalation")] + (areas ? [language.pick("område", "area")] : [])
                + [language.pick("från", "from"), language.pick("till och med", "until")]
            print(TextTable.render(header: header, rows: rows), terminator: "")
        }
    }
}
