import Foundation
import GRDB
import GRDBSQLite

/// The report store: one SQLite database (WAL mode) for all kommuner. Every query is scoped to one kommun.
///
/// Default path `data/platform.sqlite`, overridden by `PLATFORM_STORE` (`PlatformEnvironment`) or `--store`.
public final class ReportStore: Sendable {
    /// The store's path when neither `--store` nor `PLATFORM_STORE` names one.
    public static let fallbackPath = "data/platform.sqlite"

    public let path: String
    let queue: DatabaseQueue
    /// The bcrypt cost of the passwords this store sets: 12 (the default) in production, 4 in tests.
    public let passwordCost: UInt8

    /// Opens the store at `path`, creating it (and its folder) when missing, and migrates it (a URL such as
    /// `postgres://…` is refused, never taken as a path: `StoreLocation`); passwords set
    /// through it are hashed with bcrypt at `passwordCost` (4…31).
    public init(path: String, passwordCost: UInt8 = 12) throws {
        _ = try StoreLocation.sqlitePath(path, source: "store")
        _ = Self.sqliteConfigured
        self.path = path
        self.passwordCost = passwordCost
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        // WAL is set with a plain pragma (persistent in the file) rather than GRDB's `journalMode = .wal`,
        // which creates and drops a table on every open to keep a WAL file around for pools: that write
        // would change the store even when an ingest is refused or a command only reads.
        configuration.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            // Every commit is durable: the WAL is synced before a commit returns, so a stored report survives a
            // power cut, not only a crash. (NORMAL would sync only at checkpoints.) A file ingest pays one sync;
            // the web application's submissions share one through group commit (`ingest(batch:now:)`).
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // A second ingest waits for the first to commit instead of failing.
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        queue = try Self.retryingWhileBusy {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrate(queue)
            return queue
        }
    }

    /// Brings the schema up to date. Another process may be migrating the same new store at the same
    /// moment: each migration commits on its own, so its first tables can be there ("table ingests already
    /// exists") before its last; then this waits for it (up to two seconds) and migrates what is left.
    private static func migrate(_ queue: DatabaseQueue) throws {
        for attempt in 1... {
            do {
                return try migrator.migrate(queue)
            } catch {
                if try queue.read(migrator.hasCompletedMigrations) { return }
                guard attempt < 40 else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Turns off SQLite's memory statistics, and allows URI file names, before the first connection opens.
    /// With memory statistics on (the default), every allocation SQLite makes takes one process-wide mutex, and two threads reading
    /// through their own connections spent most of their time waiting for it (measured: `lagesbild --all`
    /// on two cores used 30 % more CPU than on one). `sqlite3_config` is variadic, which Swift cannot call
    /// directly, so it is called through its address with the fixed arguments these options take; that is
    /// sound on the Linux ABIs this runs on (x86-64 and AArch64 pass these two ints alike either way).
    static let sqliteConfigured: Void = {
        typealias Config = @convention(c) (Int32, Int32) -> Int32
        guard let address = dlsym(nil, "sqlite3_config") else { return }
        _ = unsafeBitCast(address, to: Config.self)(SQLITE_CONFIG_MEMSTATUS, 0)
        // File names may be URIs (`file:…?immutable=1`, see `existing(at:)`); a plain path is read as before.
        _ = unsafeBitCast(address, to: Config.self)(SQLITE_CONFIG_URI, 1)
    }()

    /// How long a command waits for another one's write to finish, in seconds.
    static let busyTimeout: TimeInterval = 120

    /// Runs `body` again while SQLite answers BUSY without waiting itself: when two processes create the
    /// store at once, switching a new file to WAL and migrating from a stale snapshot are refused at once
    /// rather than handed to the busy timeout.
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// The rows `sql` returns, each made into a value by `transform` (nil leaves the row out), read in one
    /// transaction. The statement is prepared once per connection and rows are read from it without
    /// being copied: a lägesbild batch runs the same queries for every kommun.
    func rows<T>(_ sql: String, _ arguments: StatementArguments, _ transform: (Row) throws -> T?) throws -> [T] {
        try queue.read { db in
            var result: [T] = []
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try cursor.next() {
                if let value = try transform(row) { result.append(value) }
            }
            return result
        }
    }

    /// Opens the store at `path` for a command that only reads it; nil when there is no store at `path`.
    ///
    /// The store is opened read-only (`SQLITE_OPEN_READONLY`): nothing is written, not even the journal
    /// mode, so a user who may only read the file can read it. A store whose schema is older than this
    /// version is the exception: it is opened as by `init(path:)` and migrated first.
    public static func existing(at path: String) throws -> ReportStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        _ = Self.sqliteConfigured
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        func open(_ name: String) throws -> (DatabaseQueue, migrated: Bool) {
            let queue = try DatabaseQueue(path: name, configuration: configuration)
            return (queue, try queue.read(migrator.hasCompletedMigrations))
        }
        let opened: (queue: DatabaseQueue, migrated: Bool)
        do {
            opened = try open(path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY
            && !FileManager.default.fileExists(atPath: path + "-wal") {
            // A WAL store needs its `-shm` file, which a reader cannot create in a folder it may not write
            // to. With no `-wal` file no write is under way, so the file is read as it is (immutable).
            opened = try open(Self.immutableURI(path))
        }
        guard opened.migrated else { return try ReportStore(path: path) }
        return ReportStore(path: path, queue: opened.queue)
    }

    /// `file:/folder/store.sqlite?immutable=1`, the path percent-encoded.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Opens the store at `path` read-only, as `existing(at:)`; a store that is not there is an error naming
    /// the path (a mistyped `--store` must not read as an empty store).
    public static func reading(at path: String) throws -> ReportStore {
        guard let store = try existing(at: path) else {
            throw Diagnostic(file: path, mark: nil, message: "no report store here (check --store or PLATFORM_STORE; "
                + "`ingest` creates the store)")
        }
        return store
    }

    /// An empty, migrated store in memory: what a dry run checks against when there is no store yet, and what
    /// a test can open.
    public static func inMemory() throws -> ReportStore {
        _ = Self.sqliteConfigured
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(queue)
        return ReportStore(path: ":memory:", queue: queue)
    }

    /// The store an ingest into `path` writes to: opened as by `init(path:)`, except that a dry run with no
    /// store there yet checks against an empty one in memory, so that it creates nothing.
    public static func forIngest(at path: String, dryRun: Bool) throws -> ReportStore {
        if dryRun, !FileManager.default.fileExists(atPath: path) { return try inMemory() }
        return try ReportStore(path: path)
    }

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
        passwordCost = 12
    }
}
