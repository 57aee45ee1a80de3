import ArgumentParser
import Foundation
import Platform
import Synchronization

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
        var failures = 0
        let kommuner: [KommunConfig]
        if all {
            // A kommun whose file is broken is reported and counts as a failure; the others are compiled.
            let catalog = try catalogOptions.catalog()
            for (file, reason) in catalog.unusableFiles {
                Output.error("error: \(file) gives no lägesbild: \(reason)")
                failures += 1
            }
            kommuner = catalog.kommuner
        } else {
            kommuner = try [catalogOptions.kommun(kommun!)]
        }
        let exporterCatalog = try exporterOptions.catalog()
        let exporters = try format.split(separator: ",").map { try exporterCatalog.exporter(String($0).trimmingSpaces) }
        for warning in exporterCatalog.warnings { Output.error("warning: \(warning)") }
        let path = storeOptions.resolvedPath
        let store = try ReportStore.existing(at: path)
        if store == nil { Output.error("warning: no report store at \(path); the lägesbild shows no reports") }
        let writer = LagesbildWriter(directory: out)
        let settings = parsedSettings
        let parts = exporters.reduce(into: Lagesbild.Parts()) { $0.formUnion($1.parts) }
        // What each kommun needs from the command line is resolved here; the kommuner are compiled and
        // written on all cores, and reported in their order once all are done. Each worker reads through
        // its own connection: on one shared connection the workers mostly waited for each other.
        let jobs = kommuner.map { config in
            Job(config: config, period: periodOption.resolved(for: config, today: Now.today(for: config)),
                language: languageOption.resolved(for: config))
        }
        let finished = Mutex(0)
        let outcomes = jobs.concurrentMap(lane: { lane in
            lane == 0 || store == nil ? .success(store) : Result { try ReportStore.existing(at: path) }
        }) { (connection: Result<ReportStore?, any Error>, job) in
            let outcome = Result {
                let lagesbild = try LagesbildCompiler(config: job.config, store: connection.get(), now: Now.date)
                    .compile(period: job.period, language: job.language, parts: parts)
                return writer.write(lagesbild, with: exporters, options: ExportOptions(language: job.language, settings: settings))
            }
            if jobs.count > 1 {
                let done = finished.withLock { count in
                    count += 1
                    return count
                }
                Output.error("[\(done)/\(jobs.count)] \(job.config.id)")
            }
            return outcome
        }
        for (job, outcome) in zip(jobs, outcomes) {
            let id = job.config.id
            switch outcome {
            case .failure(let error):
                Output.error("error: the lägesbild for \(id) failed: \(error)")
                failures += 1
            case .success(let results):
                for result in results {
                    if let error = result.error {
                        Output.error("error: \(result.exporter) for \(id) failed: \(error)")
                        failures += 1
                    } else {
                        print(result.path)
                    }
                    for notice in result.notices { Output.error("note: \(result.exporter) for \(id): \(notice)") }
                }
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// One kommun's lägesbild to compile.
    private struct Job: Sendable {
        var config: KommunConfig
        var period: Period
        var language: Language
    }

    private var parsedSettings: [String: String] {
        Dictionary(settings.map { setting in
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }, uniquingKeysWith: { _, last in last })
    }
}
