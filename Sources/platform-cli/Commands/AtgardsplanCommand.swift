import ArgumentParser
import Foundation
import Platform
import Plugins

struct AtgardsplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atgardsplan",
        abstract: "The yearly åtgärdsplan from the decided priorities and interventions, as Markdown and HTML.",
        discussion: "Writes DIR/atgardsplan-KOMMUN-YEAR.md and .html. See docs/insatser.md."
    )

    @Argument(help: "The kommun's id.") var kommun: String
    @Option(help: "The year, e.g. 2026.") var year: Int
    @Option(help: "Formats, comma-separated: md, html.") var format = "md,html"
    @Option(help: ArgumentHelp("The folder to write to.", valueName: "dir")) var out: String
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    var formats: [String] { InsatsCommand.ids(format) }

    func validate() throws {
        for format in formats where !AtgardsplanExporter.formats.contains(format) {
            throw ValidationError("--format \(format) is not one of \(AtgardsplanExporter.formats.joined(separator: ", "))")
        }
        guard !formats.isEmpty else { throw ValidationError("--format names no format") }
    }

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let plan = try Atgardsplan(store: storeOptions.reading(), config: config, year: year)
        let language = languageOption.resolved(for: config)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for format in formats {
            let path = URL(fileURLWithPath: out).appendingPathComponent("atgardsplan-\(config.id)-\(year).\(format)").path
            try AtomicFile.write(AtgardsplanExporter.export(plan, format: format, language: language) ?? "", to: path)
            print(path)
        }
    }
}
