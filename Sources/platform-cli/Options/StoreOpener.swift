import Platform
import PlatformPostgres

/// Opens the store a `StoreLocation` names: the one place the command line chooses between the SQLite and
/// the PostgreSQL store; everything after works through the `PlatformStore` protocols.
enum StoreOpener {
    /// The store at `location`, created and migrated when it does not exist yet.
    static func open(_ location: StoreLocation) throws -> any PlatformStore & StoreTables {
        switch location {
        case .sqlite(let path): try ReportStore(path: path)
        case .postgres(let url): try PostgresStore(url: url)
        }
    }

    /// The store at `location` for reading; a store that is not there is an error. (A PostgreSQL database is
    /// there once the URL connects; a new one is migrated, as on every open.)
    static func reading(_ location: StoreLocation) throws -> any PlatformStore & StoreTables {
        switch location {
        case .sqlite(let path): try ReportStore.reading(at: path)
        case .postgres(let url): try PostgresStore(url: url)
        }
    }

    /// The store at `location` for reading, or nil when there is none yet.
    static func existing(_ location: StoreLocation) throws -> (any PlatformStore & StoreTables)? {
        switch location {
        case .sqlite(let path): try ReportStore.existing(at: path)
        case .postgres(let url): try PostgresStore(url: url)
        }
    }

    /// The check of the store at `location`, changing nothing (`store check`).
    static func check(_ location: StoreLocation) throws -> StoreCheckReport {
        switch location {
        case .sqlite(let path): try ReportStore.check(at: path)
        case .postgres(let url): try PostgresStore.check(url: url)
        }
    }
}
