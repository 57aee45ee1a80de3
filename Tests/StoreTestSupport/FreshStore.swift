import Foundation
import Platform

/// A new, empty store of one kind for one test, removed when the value is released: a SQLite file in a
/// temporary folder, or a database `t_<random>` created on the PostgreSQL cluster of `PLATFORM_TEST_POSTGRES`
/// and dropped. Nothing is opened until `open()`, so a command may be the first to open it (`location`).
public final class FreshStore: Sendable {
    /// Which store it is.
    public let kind: StoreKind
    /// What `--store` and `PLATFORM_STORE` take to open it: the SQLite file's path, or the database's URL.
    public let location: String
    /// The test's own temporary folder (the SQLite file is `store.sqlite` in it).
    public let folder: URL
    private let database: TestDatabase?

    /// The bcrypt cost of the passwords a test store sets: the lowest, as tests log in many times.
    public static let passwordCost: UInt8 = 4

    /// A new folder, and for PostgreSQL a new database on the cluster `environment` names
    /// (`PLATFORM_TEST_POSTGRES`); fails (never skips) when the store cannot be made.
    public init(_ kind: StoreKind, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.kind = kind
        folder = try Self.newFolder()
        switch kind {
        case .sqlite:
            database = nil
            location = folder.appendingPathComponent("store.sqlite").path
        case .postgres:
            let database = try TestDatabase(admin: environment["PLATFORM_TEST_POSTGRES"], template: nil)
            self.database = database
            location = database.url
        }
    }

    /// A copy of `original`'s store as it is now, for a test that changes it (nothing may have it open: a
    /// PostgreSQL database is copied as a template).
    public init(copying original: FreshStore) throws {
        kind = original.kind
        folder = try Self.newFolder()
        switch kind {
        case .sqlite:
            database = nil
            location = folder.appendingPathComponent("store.sqlite").path
            try FileManager.default.copyItem(atPath: original.location, toPath: location)
        case .postgres:
            let database = try TestDatabase(admin: original.database?.admin, template: original.database)
            self.database = database
            location = database.url
        }
    }

    private static func newFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("platform-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    deinit {
        database?.drop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Opens the store (creating and migrating it the first time); each call opens another connection to the
    /// same store, as a restarted server or a second process would.
    public func open() throws -> any PlatformStore & StoreTables {
        switch kind {
        case .sqlite:
            return try ReportStore(path: location, passwordCost: Self.passwordCost)
        case .postgres:
            return try StoreKind.openPostgres(location, passwordCost: Self.passwordCost)
        }
    }

    /// A file `name` in the test's folder.
    public func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }
}
