import Foundation
import GRDB

extension ReportStore {
    /// Checks the SQLite store at `path` without changing it: `PRAGMA integrity_check`, `PRAGMA
    /// foreign_key_check`, whether all of this version's migrations are applied (and none from a newer
    /// version), and the rows per table. A store that cannot be read at all is one problem, not an error;
    /// a file that is not there is an error.
    public static func check(at path: String) throws -> StoreCheckReport {
        try requireFile(path)
        var report = StoreCheckReport(migrationsKnown: migrator.migrations.count)
        let queue: DatabaseQueue
        do {
            queue = try maintenanceQueue(path)
        } catch {
            report.problems.append("cannot open the store: \(error.localizedDescription)")
            return report
        }
        defer { try? queue.close() }
        func collect(_ what: String, _ body: (Database) throws -> [String]) {
            do {
                let found = try queue.read(body)
                report.problems += found
            } catch {
                report.problems.append("\(what): \(error.localizedDescription)")
            }
        }
        collect("integrity check") { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return rows == ["ok"] ? [] : rows.map { "integrity: " + $0 }
        }
        collect("foreign key check") { db in
            try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let table: String = row[0], parent: String = row[2]
                let rowid: Int64? = row[1]
                return "foreign key: \(table) row \(rowid.map(String.init) ?? "?") refers to a missing row of \(parent)"
            }
        }
        collect("migrations") { db in
            let known = migrator.migrations
            guard try db.tableExists("grdb_migrations") else { return ["not a report store: no migrations table"] }
            let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            report.migrationsApplied = known.filter(applied.contains).count
            return StoreCheckReport.migrationProblems(applied: applied, known: known)
        }
        collect("row counts") { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name != 'grdb_migrations' ORDER BY name
                """)
            report.tables = try names.map { name in
                StoreCheckReport.TableRows(table: name, rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM \(name.quotedDatabaseIdentifier)") ?? 0)
            }
            return []
        }
        return report
    }

    /// Copies the SQLite store at `path` to `file` with SQLite's online backup API: a consistent copy even
    /// while another process (`serve`) writes to the store. The copy is written to a temporary file next to
    /// `file`, checked (`check(at:)`), and only then put in place, whole or not at all; an existing `file` is
    /// an error unless `replacing`. The copy is a single file (rollback journal; the store turns it back to
    /// WAL when opened), mode 0600. Returns the copy's check.
    @discardableResult
    public static func backup(at path: String, to file: String, replacing: Bool = false) throws -> StoreCheckReport {
        try requireFile(path)
        let target = URL(fileURLWithPath: file)
        if !replacing, FileManager.default.fileExists(atPath: file) {
            throw Diagnostic(file: file, mark: nil, message: "the file exists; give --force to replace it")
        }
        if FileManager.default.fileExists(atPath: file + "-wal") {
            throw Diagnostic(file: file, mark: nil, message: "\(target.lastPathComponent)-wal is next to it: the file is an open store; not replaced")
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).backup-\(UUID().uuidString)").path
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        let source = try maintenanceQueue(path)
        defer { try? source.close() }
        // The copy holds accounts and the audit log: readable by its owner only.
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw Diagnostic(file: file, mark: nil, message: "cannot write a file in its folder")
        }
        let copy = try DatabaseQueue(path: temporary)
        try source.backup(to: copy)
        try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try copy.close()
        let report = try check(at: temporary)
        guard report.isSound else {
            throw Diagnostic(file: file, mark: nil, message: "the copy fails the check, nothing written: "
                + report.problems.joined(separator: "; "))
        }
        // link(2) refuses an existing file (no race with another writer); rename(2) replaces it atomically.
        let placed = replacing ? rename(temporary, file) : link(temporary, file)
        guard placed == 0 else {
            throw Diagnostic(file: file, mark: nil, message: "cannot write the copy: " + String(cString: strerror(errno)))
        }
        return report
    }

    /// Throws unless there is a file at `path` (a mistyped `--store` is never checked or copied as an empty store).
    private static func requireFile(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic(file: path, mark: nil, message: "no report store here (check --store or PLATFORM_STORE)")
        }
    }

    /// A read-only connection to the store file at `path` that neither migrates nor changes it.
    private static func maintenanceQueue(_ path: String) throws -> DatabaseQueue {
        _ = sqliteConfigured
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
