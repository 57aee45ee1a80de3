import ArgumentParser
import Platform

struct Exporters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporters",
        abstract: "List the lägesbild formats: built-ins, templates and external programs.",
        discussion: """
            Templates are Mustache files in the templates folder (template:NAME); external exporters are \
            programs named platform-export-NAME in the plugins folder or on PATH (docs/plugins.md). Files that \
            are ignored — not executable, shadowing a built-in, or not answering --describe — are listed as \
            warnings.
            """
    )

    @OptionGroup var exporterOptions: ExporterOptions

    func run() throws {
        let catalog = try exporterOptions.catalog()
        let (exporters, problems) = catalog.listing()
        let rows = exporters.map { [$0.exporter.id, $0.exporter.displayName, $0.exporter.fileExtension, $0.exporter.mediaType, $0.source] }
        print(TextTable.render(header: ["id", "name", "extension", "media type", "source"], rows: rows), terminator: "")
        for warning in catalog.warnings + problems { Output.error("warning: \(warning)") }
    }
}
