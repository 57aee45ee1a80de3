import ArgumentParser
import Platform

/// Where the report store is; shared by every command that reads or writes reports.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The store: a SQLite file, or a PostgreSQL database as postgres://user@host/db (default: $PLATFORM_STORE or data/platform.sqlite).",
        valueName: "path or URL"))
    var path: String?

    /// Refuses a malformed store value (another URL scheme, a bad `postgres://` URL) before the command touches
    /// anything, named without a password.
    func validate() throws { _ = try location }

    /// The store `--store` or `PLATFORM_STORE` names (`StoreLocation`'s rules).
    var location: StoreLocation { get throws { try StoreLocation(option: path, environment: Now.environment) } }

    /// The store as the user named it, for a message: a SQLite path, or a PostgreSQL URL without its password.
    var shown: String {
        switch try? location {
        case .postgres(let url): url.description
        case .sqlite(let path): path
        case nil: path ?? Now.environment.storePath
        }
    }

    /// Whether the store was named (`--store` or `PLATFORM_STORE`) rather than left to the default.
    var isNamed: Bool { path != nil || Now.environment.isStoreNamed }

    /// The store, created and migrated when it does not exist yet (for the commands that write).
    func open() throws -> any PlatformStore { try StoreOpener.open(location) }

    /// The store, opened read-only, for a command that only reads it; a store that is not there is an error.
    func reading() throws -> any PlatformStore { try StoreOpener.reading(location) }

    /// The store, opened read-only, or nil when there is none yet (a lägesbild without reports).
    func existing() throws -> (any PlatformStore)? { try StoreOpener.existing(location) }

    /// The store an ingest writes to (a dry run into a SQLite file creates nothing: `ReportStore.forIngest(at:dryRun:)`;
    /// on PostgreSQL it writes no report either way).
    func forIngest(dryRun: Bool) throws -> any ReportIntake {
        switch try location {
        case .sqlite(let path): try ReportStore.forIngest(at: path, dryRun: dryRun)
        case .postgres: try open()
        }
    }

    /// Another reader of `store` for a parallel worker: SQLite readers work best on a connection each;
    /// the PostgreSQL store already keeps a pool of connections, and is shared.
    func parallelReader(of store: any PlatformStore) throws -> (any PlatformStore)? {
        switch try location {
        case .sqlite: try existing()
        case .postgres: store
        }
    }
}
