import ArgumentParser
import Foundation
import Platform

struct LagesbildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lagesbild",
        abstract: "Compile a kommun's lägesbild for a period and write it in one or more formats.",
        discussion: """
            Writes out/KOMMUN-PERIOD.EXT for each format (`platform-cli exporters` lists them), each file whole \
            or not at all. A format that fails does not stop the others; the failures are listed and the exit \
            status is 1.
            """
    )

    @Argument(help: "The kommun's id (or use --all).")
    var kommun: String?

    @Flag(help: "Every kommun in the municipalities folder.")
    var all = false

    @OptionGroup var periodOption: PeriodOption

    @Option(help: ArgumentHelp("Comma-separated formats.", valueName: "ids"))
    var format = "md"

    @Option(help: ArgumentHelp("Folder to write to.", valueName: "dir"))
    var out = "out"

    @Option(name: .customLong("option"), help: ArgumentHelp("A setting for exporters, key=value (repeatable).", valueName: "key=value"))
    var settings: [String] = []

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var exporterOptions: ExporterOptions

    func validate() throws {
        guard all != (kommun != nil) else { throw ValidationError("give a kommun id or --all (not both)") }
        for setting in settings where !setting.contains("=") { throw ValidationError("--option takes key=value, found '\(setting)'") }
    }

    func run() throws {
        let kommuner = try all ? catalogOptions.catalog().kommuner : [catalogOptions.kommun(kommun!)]
        let exporterCatalog = try exporterOptions.catalog()
        for warning in exporterCatalog.warnings { Output.error("warning: \(warning)") }
        let exporters = try format.split(separator: ",").map { try exporterCatalog.exporter(String($0).trimmingSpaces) }
        let store = try ReportStore.existing(at: storeOptions.resolvedPath)
        if store == nil { Output.error("warning: no report store at \(storeOptions.resolvedPath); the lägesbild shows no reports") }
        let writer = LagesbildWriter(directory: out)
        var failures = 0
        for (index, config) in kommuner.enumerated() {
            if kommuner.count > 1 { Output.error("[\(index + 1)/\(kommuner.count)] \(config.id)") }
            let today = Now.today(for: config)
            let language = languageOption.resolved(for: config)
            let lagesbild = try LagesbildCompiler(config: config, store: store, now: Now.date)
                .compile(period: periodOption.resolved(for: config, today: today), language: language)
            for result in writer.write(lagesbild, with: exporters, options: ExportOptions(language: language, settings: parsedSettings)) {
                if let error = result.error {
                    Output.error("error: \(result.exporter) for \(config.id) failed: \(error)")
                    failures += 1
                } else {
                    print(result.path)
                }
                for notice in result.notices { Output.error("note: \(result.exporter) for \(config.id): \(notice)") }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    private var parsedSettings: [String: String] {
        Dictionary(settings.map { setting in
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }, uniquingKeysWith: { _, last in last })
    }
}
