import ArgumentParser
import Platform
import Plugins

extension OrgChartFormat: ExpressibleByArgument {}

struct Org: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Show a kommun's organisation: bodies, chairs and conveners, members, relations and cadences.",
        discussion: """
            `--format mermaid` prints a Mermaid flowchart for Markdown pages; `--format dot` a Graphviz graph \
            (`platform-cli org lysekil --format dot | dot -Tsvg > lysekil.svg`).
            """
    )

    @Argument(help: "The kommun's id, as `platform-cli kommuner` lists it.")
    var kommun: String

    @Option(help: "Output format: text, mermaid or dot.")
    var format: OrgChartFormat = .text

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        print(format.render(config, language: languageOption.resolved(for: config)), terminator: "")
    }
}
