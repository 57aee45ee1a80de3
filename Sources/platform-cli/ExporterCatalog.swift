import Platform
import Plugins

/// Every format the command line can use: the built-ins and templates in the registry, and external
/// programs, which are asked to describe themselves only when used or listed.
struct ExporterCatalog {
    let registry: ExporterRegistry
    let plugins: ExternalPluginScan
    let timeLimit: Duration
    /// Templates that failed to load and programs that are ignored.
    let warnings: [String]

    init(templates: TemplateFolder, pluginFolder: String, timeLimit: Duration) throws {
        registry = ExporterRegistry.shared
        try registry.bootstrap(BuiltinExporters.all + templates.exporters)
        plugins = ExternalPluginScan(folder: pluginFolder, reserved: Set(registry.all.map(\.id)))
        self.timeLimit = timeLimit
        warnings = templates.problems + plugins.warnings
    }

    /// The exporter for a `--format` id.
    func exporter(_ id: String) throws -> any Exporter {
        if let candidate = plugins.candidates.first(where: { $0.name == id }) {
            return try ExternalExporter(name: candidate.name, executable: candidate.path, timeLimit: timeLimit)
        }
        do {
            return try registry.exporter(id)
        } catch {
            throw ExporterRegistry.Failure(reason: .unknown(id, known: registry.all.map(\.id) + plugins.candidates.map(\.name)))
        }
    }

    /// Every usable exporter with where it comes from, and the programs that cannot be used.
    func listing() -> (exporters: [(exporter: any Exporter, source: String)], problems: [String]) {
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
