import ArgumentParser
import Platform

/// Where the report store is; shared by every command that reads or writes reports.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The SQLite store (default: $PLATFORM_STORE or data/platform.sqlite).", valueName: "path"))
    var path: String?

    /// Refuses a store that is not a SQLite path before the command touches anything: a malformed value, and
    /// (until the commands open the PostgreSQL store) a well-formed `postgres://` URL, named without its password.
    func validate() throws {
        if case .postgres = try location {
            throw Diagnostic(file: path != nil ? "--store" : "PLATFORM_STORE", mark: nil, message: "'postgres://…' is a URL, "
                + "not a file path; PostgreSQL stores are not supported yet; give a SQLite file path")
        }
    }

    /// The store `--store` or `PLATFORM_STORE` names (`StoreLocation`'s rules).
    var location: StoreLocation { get throws { try StoreLocation(option: path, environment: Now.environment) } }

    /// The SQLite file's path (`validate()` has refused anything else before a command runs).
    var resolvedPath: String { path ?? Now.environment.storePath }

    /// Whether the store was named (`--store` or `PLATFORM_STORE`) rather than left to the default.
    var isNamed: Bool { path != nil || Now.environment.isStoreNamed }

    /// The store, created and migrated when it does not exist yet (for the commands that write).
    func open() throws -> any PlatformStore { try ReportStore(path: resolvedPath) }

    /// The store, opened read-only, for a command that only reads it; a store that is not there is an error.
    func reading() throws -> any PlatformStore { try ReportStore.reading(at: resolvedPath) }

    /// The store, opened read-only, or nil when there is none yet (a lägesbild without reports).
    func existing() throws -> (any PlatformStore)? { try ReportStore.existing(at: resolvedPath) }

    /// The store an ingest writes to (a dry run creates nothing: `ReportStore.forIngest(at:dryRun:)`).
    func forIngest(dryRun: Bool) throws -> any ReportIntake { try ReportStore.forIngest(at: resolvedPath, dryRun: dryRun) }
}
