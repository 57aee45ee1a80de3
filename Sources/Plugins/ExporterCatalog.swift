import Platform
import Synchronization

/// Every format the command line and the web application can use: the built-ins and templates in the
/// registry, and external programs, which are asked to describe themselves only when used or listed.
public final class ExporterCatalog: Sendable {
    public let registry: ExporterRegistry
    public let timeLimit: Duration
    private let pluginFolder: String
    private let templateProblems: [String]
    private let scan = Mutex<ExternalPluginScan?>(nil)

    public init(templates: TemplateFolder, pluginFolder: String, timeLimit: Duration) throws {
        registry = ExporterRegistry()
        try registry.bootstrap(BuiltinExporters.all + templates.exporters)
        self.pluginFolder = pluginFolder
        self.timeLimit = timeLimit
        templateProblems = templates.problems
    }

    /// The external programs, found on first use: most runs ask only for built-in formats, and reading
    /// every directory on PATH was a measurable part of a lägesbild's start. (A program can never
    /// shadow a built-in or a template, so those need no scan.)
    public var plugins: ExternalPluginScan {
        scan.withLock { scan in
            if let scan { return scan }
            let found = ExternalPluginScan(folder: pluginFolder, reserved: Set(registry.all.map(\.id)))
            scan = found
            return found
        }
    }

    /// Templates that failed to load, and programs that are ignored (once the programs have been looked for).
    public var warnings: [String] {
        templateProblems + (scan.withLock { $0 }?.warnings ?? [])
    }

    /// The exporter for a `--format` id.
    public func exporter(_ id: String) throws -> any Exporter {
        if let exporter = try? registry.exporter(id) { return exporter }
        if let candidate = plugins.candidates.first(where: { $0.name == id }) {
            return try ExternalExporter(name: candidate.name, executable: candidate.path, timeLimit: timeLimit)
        }
        throw ExporterRegistry.Failure(reason: .unknown(id, known: registry.all.map(\.id) + plugins.candidates.map(\.name)))
    }

    /// Every format's id and name, for a menu, without running the external programs (each describes
    /// itself only when it is used).
    public var formats: [(id: String, name: String)] {
        registry.all.map { ($0.id, $0.displayName) } + plugins.candidates.map { ($0.name, $0.name) }
    }

    /// Every usable exporter with where it comes from, and the programs that cannot be used.
    public func listing() -> (exporters: [(exporter: any Exporter, source: String)], problems: [String]) {
        var exporters: [(any Exporter, String)] = registry.all.map { ($0, $0.id.hasPrefix("template:") ? "template" : "built-in") }
        var problems: [String] = []
        for candidate in plugins.candidates {
            do {
                exporters.append((try ExternalExporter(name: candidate.name, executable: candidate.path, timeLimit: timeLimit), candidate.path))
            } catch {
                problems.append("\(error)")
            }
        }
        return (exporters, problems)
    }
}
