import ArgumentParser
import Foundation
import Platform
import Synchronization

struct LagesbildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lagesbild",
        abstract: "Compile a kommun's lägesbild for a period and write it in one or more formats.",
        discussion: """
            Writes out/KOMMUN-PERIOD.EXT (with --area, out/KOMMUN-AREA-PERIOD.EXT) for each format \
            (`platform-cli exporters` lists them), each file whole or not at all. A format that fails does not stop the others; the failures are listed and the exit \
            status is 1.
            """
    )

    @Argument(help: "The kommun's id (or use --all).")
    var kommun: String?

    @Flag(help: "Every kommun in the municipalities folder.")
    var all = false

    @OptionGroup var periodOption: PeriodOption

    @OptionGroup var choice: LagesbildChoiceOptions

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
        if all, choice.id != nil { throw ValidationError("--lagesbild names one kommun's lägesbild; it does not go with --all") }
        if all, choice.area != nil { throw ValidationError("--area names an area of one kommun; give its id instead of --all") }
        for setting in settings where !setting.contains("=") { throw ValidationError("--option takes key=value, found '\(setting)'") }
    }

    func run() throws {
        var failures = 0
        let kommuner = try selectedKommuner(failures: &failures)
        let exporterCatalog = try exporterOptions.catalog()
        let exporters = try format.split(separator: ",").map { try exporterCatalog.exporter(String($0).trimmingSpaces) }
        try ExportOptions.check(parsedSettings, for: exporters, commandOptions: ["area", "period", "format", "out", "lang"])
        if let area = choice.area { for config in kommuner { _ = try config.requireArea(area) } }
        for warning in exporterCatalog.warnings { Output.error("warning: \(warning)") }
        let store = try storeOptions.existing()
        if store == nil { Output.error("warning: no report store at \(storeOptions.shown); the lägesbild shows no reports") }
        let jobs = jobs(for: kommuner, failures: &failures)
        // Several kommuner's files are made durable and put in place together, once every one is written.
        let writer = LagesbildWriter(directory: out, batch: jobs.count > 1)
        let outcomes = compile(jobs, exporters: exporters, store: store, writer: writer)
        var uncommitted = writer.commit()
        for (job, outcome) in zip(jobs, outcomes) {
            failures += report(outcome, for: job.config.id, uncommitted: &uncommitted)
        }
        for (_, failure) in uncommitted.sorted(by: { $0.key < $1.key }) {
            Output.error("error: \(failure)")
            failures += 1
        }
        if failures > 0 { throw ExitCode.failure }
    }

    /// The kommun asked for, or with `--all` every usable kommun in the folder; a kommun file that gives no
    /// kommun is reported and counted as a failure, and the others are still compiled.
    private func selectedKommuner(failures: inout Int) throws -> [KommunConfig] {
        guard all else { return try [catalogOptions.kommun(kommun!)] }
        let catalog = try catalogOptions.catalog()
        for (file, reason) in catalog.unusableFiles {
            Output.error("error: \(file) gives no lägesbild: \(reason)")
            failures += 1
        }
        return catalog.kommuner
    }

    /// The lägesbilder to compile: the one asked for, or with `--all` each kommun's lägesbilder for the period
    /// asked for (`lagesbilder(kind:)`). A period that does not fit a lägesbild is reported and counted.
    private func jobs(for kommuner: [KommunConfig], failures: inout Int) -> [Job] {
        let text = periodOption.text
        var jobs: [Job] = []
        for config in kommuner {
            let today = Now.today(for: config), language = languageOption.resolved(for: config)
            do {
                if all {
                    for lagesbild in config.lagesbilder(kind: Period(text)?.kind) {
                        jobs.append(Job(config: config, lagesbild: lagesbild, period: try lagesbild.period(text, today: today), language: language))
                    }
                } else {
                    let (lagesbild, period) = try choice.resolved(for: config, period: text, today: today)
                    jobs.append(Job(config: config, lagesbild: lagesbild, period: period, language: language))
                }
            } catch {
                Output.error("error: \(config.id): \(error)")
                failures += 1
            }
        }
        return jobs
    }

    /// Compiles and writes every job on all cores, with a progress line as each is done when there are
    /// several; the outcomes come back in the jobs' order. Each worker reads through its own connection to
    /// the store: on one shared connection the workers mostly waited for each other.
    private func compile(_ jobs: [Job], exporters: [any Exporter], store: (any PlatformStore)?,
                         writer: LagesbildWriter) -> [Result<[LagesbildWriter.Result], any Error>] {
        let settings = parsedSettings
        let parts = exporters.reduce(into: Lagesbild.Parts()) { $0.formUnion($1.parts) }
        let finished = Mutex(0)
        return jobs.concurrentMap(lane: { lane in
            lane == 0 || store == nil ? .success(store) : Result { try storeOptions.parallelReader(of: store!) }
        }) { (connection: Result<(any PlatformStore)?, any Error>, job) in
            let outcome = Result {
                let lagesbild = try LagesbildCompiler(config: job.config, store: connection.get(), now: Now.date, area: choice.area)
                    .compile(period: job.period, language: job.language, parts: parts, as: job.lagesbild)
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
    }

    /// Prints the files written for one kommun and its failures and notes (a file that could not be put in
    /// place, taken out of `uncommitted`, among them); returns how many failed.
    private func report(_ outcome: Result<[LagesbildWriter.Result], any Error>, for id: String,
                        uncommitted: inout [String: AtomicFile.Failure]) -> Int {
        switch outcome {
        case .failure(let error):
            Output.error("error: the lägesbild for \(id) failed: \(error)")
            return 1
        case .success(var results):
            for index in results.indices where results[index].error == nil {
                results[index].error = uncommitted.removeValue(forKey: results[index].path).map { "\($0)" }
            }
            for result in results {
                if let error = result.error {
                    Output.error("error: \(result.exporter) for \(id) failed: \(error)")
                } else {
                    print(result.path)
                }
                for notice in result.notices { Output.error("note: \(result.exporter) for \(id): \(notice)") }
            }
            return results.filter { $0.error != nil }.count
        }
    }

    /// One kommun's lägesbild to compile.
    private struct Job: Sendable {
        var config: KommunConfig
        var lagesbild: LagesbildConfig
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
