import ArgumentParser
import Platform
import Plugins

/// Where formats beyond the built-ins come from; shared by `lagesbild` and `exporters`.
struct ExporterOptions: ParsableArguments {
    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "Folder of Mustache templates, offered as template:NAME (default: $PLATFORM_TEMPLATES or ./templates).", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("plugins"), help: ArgumentHelp(
        "Folder of platform-export-NAME programs, searched before PATH (default: $PLATFORM_PLUGINS or ./plugins).", valueName: "dir"))
    var plugins: String?

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds an external exporter may run.", valueName: "seconds"))
    var pluginTimeout: Int = 30

    func validate() throws {
        guard pluginTimeout > 0 else { throw ValidationError("--plugin-timeout must be positive") }
    }

    /// The exporters these options make available.
    func catalog() throws -> ExporterCatalog {
        try ExporterCatalog(templates: TemplateFolder(path: templates ?? Now.environment.templates),
                            pluginFolder: plugins ?? Now.environment.plugins, timeLimit: .seconds(pluginTimeout))
    }
}
