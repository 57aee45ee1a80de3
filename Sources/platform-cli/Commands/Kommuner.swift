import ArgumentParser
import Platform

struct Kommuner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kommuner",
        abstract: "List the kommuner in the municipalities folder, with name and file."
    )

    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let catalog = try catalogOptions.catalog()
        let rows = catalog.files.map { file -> [String] in
            guard let config = file.config else { return ["?", "(\(file.errorSummary): run platform-cli validate)", "", file.file] }
            return [config.id, config.kommun.name, config.kommun.lan, file.file]
        }
        print(TextTable.render(header: ["id", "name", "län", "file"], rows: rows), terminator: "")
        for diagnostic in catalog.diagnostics { print(diagnostic.headline) }
    }
}
