import ArgumentParser
import Foundation
import Platform

struct AnalysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analys",
        abstract: "The yearly analysis: did the targeted indicators change more in each intervention's areas than elsewhere?",
        discussion: """
            A difference-in-differences on weekly counts with a 95 % interval; see docs/insatser.md. A kommun that \
            analyses per tertial, half-year or quarter gives --period 2026-T2 instead of --year.
            """
    )

    @Argument(help: "The kommun's id.") var kommun: String
    @Option(help: "The year, e.g. 2026.") var year: Int?
    @Option(help: "Instead of --year: the period, e.g. 2026-T2 (tertial), 2026-H1, 2026-Q3.") var period: Period?
    @Option(help: "md or json.") var format = "md"
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard (year == nil) != (period == nil) else { throw ValidationError("give --year or --period (not both)") }
        guard YearlyAnalysisExporter.formats.contains(format) else {
            throw ValidationError("--format \(format) is not one of \(YearlyAnalysisExporter.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let analysed = period ?? Period(containing: CalendarDate(year: year!, month: 1, day: 1)!, kind: .year)
        let language = languageOption.resolved(for: config)
        let analysis = try YearlyAnalysis(config: config, period: analysed, store: storeOptions.reading(), language: language)
        let text = try YearlyAnalysisExporter.export(analysis, format: format, language: language) ?? ""
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}
