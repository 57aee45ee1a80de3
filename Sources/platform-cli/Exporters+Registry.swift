import Platform
import Plugins

/// The process's exporters: the built-ins, registered once on first use.
let exporterRegistry: ExporterRegistry = {
    let registry = ExporterRegistry.shared
    // Built-in ids are distinct by construction; a clash is a programming error.
    try! registry.bootstrap(BuiltinExporters.all)
    return registry
}()
