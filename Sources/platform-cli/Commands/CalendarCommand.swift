import ArgumentParser
import Foundation
import Platform
import Plugins

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Every meeting a kommun's file describes, over a span of dates.",
        discussion: """
            Bodies' meetings and recurring activities at their cadence (raised while an escalation such as \
            social oro is declared), safety walks rotated over the orter, and the follow-ups each walk \
            triggers. Swedish public holidays are skipped or moved as each cadence says.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ics, text
    }

    @Argument(help: "The kommun's id.")
    var kommun: String

    @Option(help: "First day, YYYY-MM-DD.")
    var from: CalendarDate?

    @Option(help: "Last day, YYYY-MM-DD.")
    var to: CalendarDate?

    @Option(help: "Instead of --from and --to: a period, e.g. 2027-T1, 2027-H1, 2027-Q1, 2027-01, 2027-W05, 2027.")
    var period: Period?

    @Option(help: "Output format: ics (RFC 5545 iCalendar with stable UIDs, so a re-import updates) or text.")
    var format: Format = .ics

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard (period == nil) == (from != nil && to != nil), period == nil || (from == nil && to == nil) else {
            throw ValidationError("give --from and --to, or --period")
        }
        if let from, let to, from > to { throw ValidationError("--from must not be after --to") }
    }

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let (from, to) = period.map { ($0.start, $0.end) } ?? (from!, to!)
        let store = try storeOptions.existing()
        if store == nil, storeOptions.isNamed { Output.error("warning: no report store at \(storeOptions.shown); the calendar shows no declared escalations") }
        let meetings = try MeetingPlanner(config: config, declaredIn: store).meetings(from: from, to: to)
        let language = languageOption.resolved(for: config)
        let title = "\(config.kommun.name): \(from) – \(to)"
        let text: String
        switch format {
        case .ics:
            text = try ICSCalendar(name: title, meetings: meetings, timeZone: config.kommun.timeZone, stamp: Now.date).render()
        case .text:
            text = MeetingListText(title: title, meetings: meetings, timeZone: TimeZone(identifier: config.kommun.timeZone) ?? .current,
                                   language: language).render()
        }
        if let out {
            try AtomicFile.write(text, to: out)
        } else {
            print(text, terminator: "")
        }
    }
}
