import ArgumentParser
import Foundation
import Platform

struct AnalysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analys",
        abstract: "The yearly analysis: did the targeted indicators change more in each intervention's areas than elsewhere?",
        discussion: "A difference-in-differences on weekly counts with a 95 % interval; see docs/insatser.md."
    )

    @Argument(help: "The kommun's id.") var kommun: String
    @Option(help: "The year, e.g. 2026.") var year: Int
    @Option(help: "md or json.") var format = "md"
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var out: String?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard YearlyAnalysisExporter.formats.contains(format) else {
            throw ValidationError("--format \(format) is not one of \(YearlyAnalysisExporter.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let store = try ReportStore.existing(at: storeOptions.resolvedPath)
        let interventions = try store?.interventions(kommun: config.id) ?? []
        // Enough history for as many weeks before as after any start in the year.
        let from = CalendarDate(year: year - 2, month: 1, day: 1)!, to = CalendarDate(year: year, month: 12, day: 31)!
        let cells = try store?.dailyCells(kommun: config.id, from: from, to: to) ?? []
        let language = languageOption.resolved(for: config)
        let analysis = YearlyAnalysis(config: config, year: year, interventions: interventions, cells: cells, language: language)
        let text = try YearlyAnalysisExporter.export(analysis, format: format, language: language) ?? ""
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}
