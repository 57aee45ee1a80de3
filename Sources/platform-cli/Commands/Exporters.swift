import ArgumentParser
import Platform

struct Exporters: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the lägesbild formats: their id (for --format), name, file extension and media type."
    )

    func run() throws {
        let rows = exporterRegistry.all.map { [$0.id, $0.displayName, $0.fileExtension, $0.mediaType] }
        print(TextTable.render(header: ["id", "name", "extension", "media type"], rows: rows), terminator: "")
    }
}
