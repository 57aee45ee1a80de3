import Platform

/// Opens the store a `StoreLocation` names: the one place the command line chooses between the SQLite and
/// the PostgreSQL store; everything after works through the `PlatformStore` protocols.
enum StoreOpener {
    /// The store at `location`, created and migrated when it does not exist yet.
    static func open(_ location: StoreLocation) throws -> any PlatformStore & StoreTables {
        switch location {
        case .sqlite(let path): try ReportStore(path: path)
        case .postgres: throw notYet
        }
    }

    /// The store at `location` for reading; a store that is not there is an error.
    static func reading(_ location: StoreLocation) throws -> any PlatformStore & StoreTables {
        switch location {
        case .sqlite(let path): try ReportStore.reading(at: path)
        case .postgres: throw notYet
        }
    }

    /// The store at `location` for reading, or nil when there is none yet.
    static func existing(_ location: StoreLocation) throws -> (any PlatformStore & StoreTables)? {
        switch location {
        case .sqlite(let path): try ReportStore.existing(at: path)
        case .postgres: throw notYet
        }
    }

    /// The check of the store at `location`, changing nothing (`store check`).
    static func check(_ location: StoreLocation) throws -> StoreCheckReport {
        switch location {
        case .sqlite(let path): try ReportStore.check(at: path)
        case .postgres: throw notYet
        }
    }

    /// Until the PostgreSQL store is merged (issue 14).
    private static var notYet: Diagnostic {
        Diagnostic(file: "--store", mark: nil, message: "PostgreSQL stores are not supported yet; give a SQLite file path")
    }
}
