import ArgumentParser
import Platform

/// Where the kommun files are; shared by every command that reads them.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("municipalities"), help: ArgumentHelp(
        "Folder with one YAML file per kommun (default: $PLATFORM_MUNICIPALITIES or ./municipalities).",
        valueName: "dir"))
    var directory: String?

    /// Reads every kommun file in the folder.
    func catalog() throws -> KommunCatalog {
        try KommunCatalog(directory: directory ?? Now.environment.municipalities, loader: Now.environment.cachingLoader)
    }

    /// The kommun with `id`; a clear error when it is unknown or its file is invalid.
    func kommun(_ id: String) throws -> KommunConfig {
        try KommunCatalog.kommun(id, in: directory ?? Now.environment.municipalities, loader: Now.environment.cachingLoader)
    }
}
