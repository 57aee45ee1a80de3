import ArgumentParser
import Platform

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Record a reporter's answer that is not a report file: nothing to report this period.",
        subcommands: [Nothing.self]
    )

    struct Nothing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nothing",
            abstract: "Record \"inget att rapportera\": the reporter saw nothing in the period, which counts as reported.",
            discussion: "Recording it again changes nothing. See docs/reports.md."
        )

        @OptionGroup var target: KommunTarget
        @Argument(help: "The reporter organisation's id.") var reporter: String
        @Option(help: "The period: 2026-W47, 2026-11, 2026-Q4 or 2026.") var period: Period

        func run() throws {
            let config = try target.config()
            try target.store().recordNothingToReport(config: config, reporter: reporter, period: period, source: "platform-cli", now: Now.date)
            let language = target.languageOption.resolved(for: config)
            print("\(config.kommun.name), \(period): \(config.partyName(reporter)) – "
                + language.pick("inget att rapportera", "nothing to report"))
        }
    }
}
