import ArgumentParser
import Foundation
import Platform

struct InsatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insats",
        abstract: "Interventions (insatser): propose, decide, follow up, list and import them, with their history.",
        discussion: "See docs/insatser.md.",
        subcommands: [Propose.self, Decide.self, FollowUp.self, List.self, Show.self, Import.self, ImportList.self],
        defaultSubcommand: List.self
    )

    /// `a,b,c` split into ids.
    static func ids(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    struct Propose: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "propose", abstract: "Propose an intervention; prints its id.")

        @OptionGroup var target: KommunTarget
        @Option(help: "What is to be done.") var title: String
        @Option(help: "The proposing body's id.") var by: String
        @Option(help: "Day of the proposal, YYYY-MM-DD (default: today).") var on: CalendarDate?
        @Option(help: "The lägesbild period it comes from, e.g. 2026-W47.") var period: String?
        @Option(help: "Area ids, comma-separated (none: the whole kommun).") var areas: String?
        @Option(help: "Indicator ids it targets, comma-separated.") var indicators: String?

        func run() throws {
            let config = try target.config()
            let proposal = InterventionProposal(title: title, proposedBy: by, proposedOn: target.day(on, config), lagesbildPeriod: period,
                                                areas: InsatsCommand.ids(areas), indicators: InsatsCommand.ids(indicators))
            print(try target.store().propose(proposal, config: config, now: Now.date))
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide", abstract: "Record the decision to carry out a proposed intervention.")

        @OptionGroup var target: KommunTarget
        @Argument(help: "The intervention's id, e.g. I-2026-001.") var id: String
        @Option(help: "The deciding body's id.") var by: String
        @Option(help: "Day of the decision (default: today).") var on: CalendarDate?
        @Option(help: "The responsible body, role or organisation (default: the deciding body).") var owner: String?
        @Option(help: "First day (default: the day of the decision).") var start: CalendarDate?
        @Option(name: .customLong("planned-end"), help: "Planned last day.") var plannedEnd: CalendarDate?

        func run() throws {
            let config = try target.config()
            let day = target.day(on, config)
            try target.store().decide(id, InterventionDecision(decidedBy: by, decidedOn: day, owner: owner ?? by, start: start ?? day,
                                                               plannedEnd: plannedEnd), config: config, now: Now.date)
            print("\(id) decided by \(config.partyName(by)) on \(day)")
        }
    }

    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "Record a follow-up at a meeting: continue, expand, change or end (fortsätta, utöka, byta, avsluta).")

        @OptionGroup var target: KommunTarget
        @Argument(help: "The intervention's id.") var id: String
        @Option(help: "The body whose meeting followed it up.") var by: String
        @Option(help: "Day of the meeting (default: today).") var on: CalendarDate?
        @Option(help: "continue, expand, change or end (or fortsätta, utöka, byta, avsluta); end ends the intervention.")
        var outcome: String
        @Option(help: "What was said.") var comment: String?

        func run() throws {
            guard let result = FollowUpOutcome(word: outcome) else {
                throw ValidationError("'\(outcome)' is not an outcome: use continue, expand, change or end (fortsätta, utöka, byta, avsluta)")
            }
            let config = try target.config()
            let day = target.day(on, config)
            try target.store().followUp(id, body: by, on: day, outcome: result, comment: comment, config: config, now: Now.date)
            print("\(id) followed up by \(config.partyName(by)) on \(day): \(result.label(target.languageOption.resolved(for: config)))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a kommun's interventions.")

        @OptionGroup var target: KommunTarget
        @Option(name: .customLong("active-on"), help: "Only those under way on this day.") var activeOn: CalendarDate?
        @Option(name: .customLong("due"), help: "Only those due a follow-up on this day: the deciding body has met since the latest decision or follow-up, or --within days have passed.")
        var due: CalendarDate?
        @Option(help: "Days without a follow-up after which one is due.") var within = 90

        func run() throws {
            let config = try target.config()
            let language = target.languageOption.resolved(for: config)
            let store = try target.storeOptions.reading()
            let all: [Intervention]
            if let due {
                all = try store.followUpsDue(config: config, by: due, withinDays: within)
            } else if let activeOn {
                all = try store.interventions(kommun: config.id, activeOn: activeOn)
            } else {
                all = try store.interventions(kommun: config.id)
            }
            let rows = all.map { item in
                [item.id, item.status.label(language), item.start?.description ?? "",
                 item.areas.isEmpty ? language.pick("(hela kommunen)", "(the whole kommun)") : item.areas.joined(separator: ","), item.title]
            }
            let header = ["id", "status", "start", language.pick("områden", "areas"), language.pick("titel", "title")]
            print(TextTable.render(header: header, rows: rows), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one intervention and its history.")

        @OptionGroup var target: KommunTarget
        @Argument(help: "The intervention's id.") var id: String

        func run() throws {
            let config = try target.config()
            let store = try target.storeOptions.reading()
            let (item, events) = try store.intervention(id, kommun: config.id)
            print(InterventionText.render(item, events: events, config: config, language: target.languageOption.resolved(for: config)),
                  terminator: "")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import interventions from a YAML or CSV file; a file with any bad row changes nothing.")

        @OptionGroup var target: KommunTarget
        @Argument(help: "The file, .yaml/.yml or .csv.") var file: String

        func run() throws {
            let config = try target.config()
            let rows = try InterventionFileReader.rows(path: file, config: config)
            let ids = try target.store().importInterventions(rows, config: config, now: Now.date)
            print("\(ids.count.counted("intervention")) imported for \(config.id)\(ids.isEmpty ? "" : ": " + ids.joined(separator: ", "))")
        }
    }

    struct ImportList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-list",
            abstract: "Create interventions from an activity list or the focus areas (focusAreas) of the kommun's file; idempotent.")

        @OptionGroup var target: KommunTarget
        @Argument(help: "An activity list's id, or focusAreas.") var list: String
        @Option(help: "Day to record the proposals and decisions on (default: today).") var on: CalendarDate?

        func run() throws {
            let config = try target.config()
            let rows = try InterventionListSource.rows(config: config, list: list, on: target.day(on, config))
            let ids = try target.store().importInterventions(rows, config: config, now: Now.date)
            print("\(ids.count) of \(rows.count.counted("item")) new for \(config.id)\(ids.isEmpty ? "" : ": " + ids.joined(separator: ", "))")
        }
    }
}
