import Foundation
import GRDB
import Testing
@testable import Platform

/// `ReportStore.backup(at:to:)` and `check(at:)`: a consistent copy while another connection writes, and a
/// check that lists every problem (issue 14, item 5).
@Suite("Store backup and check")
struct StoreMaintenanceTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    /// A migrated store at `name` with `ingests` rows, written through the store's own connection.
    private func store(_ name: String, ingests: Int) throws -> ReportStore {
        let store = try ReportStore(path: folder.path(name), passwordCost: 4)
        try store.queue.write { db in
            for number in 0..<ingests { try Self.insertIngest(db, number) }
        }
        return store
    }

    private static func insertIngest(_ db: Database, _ number: Int) throws {
        try db.execute(sql: "INSERT INTO ingests (kommun, source_file, started_at, checklist_version) VALUES ('test', ?, '2026-11-24T12:00:00Z', 'v1')",
                       arguments: ["file-\(number).csv"])
    }

    private static func ingestIDs(_ path: String) throws -> [Int64] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int64.fetchAll($0, sql: "SELECT id FROM ingests ORDER BY id") }
    }

    @Test func aSoundStoreChecksClean() throws {
        let store = try store("store.sqlite", ingests: 3)
        let report = try ReportStore.check(at: store.path)
        #expect(report.problems == [])
        #expect(report.migrationsApplied == report.migrationsKnown && report.migrationsKnown > 0)
        #expect(report.tables.first { $0.table == "ingests" }?.rows == 3)
        #expect(report.tables.first { $0.table == "reports" }?.rows == 0)
        #expect(!report.tables.contains { $0.table == "grdb_migrations" })
    }

    /// Copies taken while another connection inserts rows one transaction at a time: every copy passes the
    /// check and holds exactly the first n rows written (a prefix: nothing torn, nothing skipped).
    @Test func aBackupWhileAnotherConnectionWritesIsConsistent() throws {
        let store = try store("store.sqlite", ingests: 1)
        let writes = 3000
        let writer = try DatabaseQueue(path: store.path, configuration: {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            return configuration
        }())
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            for number in 1..<writes { try? writer.write { try Self.insertIngest($0, number) } }
            finished.signal()
        }
        var counts: [Int] = []
        for copy in 0..<5 {
            let path = folder.path("copy-\(copy).sqlite")
            let report = try ReportStore.backup(at: store.path, to: path)
            #expect(report.isSound, "\(report.problems)")
            #expect(try ReportStore.check(at: path).problems == [])
            let ids = try Self.ingestIDs(path)
            #expect(ids == Array(1...Int64(ids.count)), "copy \(copy) is not a prefix of the writes")
            counts.append(ids.count)
        }
        finished.wait()
        #expect(counts == counts.sorted(), "later copies hold fewer rows: \(counts)")
        let last = folder.path("copy-last.sqlite")
        try ReportStore.backup(at: store.path, to: last)
        #expect(try Self.ingestIDs(last).count == writes)
        // The copy is one file, and opens as a store.
        #expect(!FileManager.default.fileExists(atPath: last + "-wal"))
        #expect(try ReportStore(path: last, passwordCost: 4).path == last)
    }

    @Test func aBackupDoesNotReplaceAFileUnlessForced() throws {
        let store = try store("store.sqlite", ingests: 2)
        let target = try folder.write("backup.sqlite", "precious")
        #expect(throws: Diagnostic.self) { try ReportStore.backup(at: store.path, to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        try ReportStore.backup(at: store.path, to: target, replacing: true)
        #expect(try Self.ingestIDs(target) == [1, 2])
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        // No temporary file is left next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func aBackupOfAMissingStoreIsAnErrorAndWritesNothing() throws {
        let target = folder.path("backup.sqlite")
        #expect(throws: Diagnostic.self) { try ReportStore.backup(at: folder.path("nope.sqlite"), to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    }

    /// A copy with a foreign-key violation (inserted with foreign keys off) and overwritten bytes: the check
    /// lists both.
    @Test func theCheckListsCorruptionAndAForeignKeyViolation() throws {
        let store = try store("store.sqlite", ingests: 2000)
        let damaged = folder.path("damaged.sqlite")
        try ReportStore.backup(at: store.path, to: damaged)
        let (pageSize, root) = try {
            let queue = try DatabaseQueue(path: damaged)
            defer { try? queue.close() }
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.execute(sql: """
                    INSERT INTO memberships (account_id, kommun, role, granted_at) VALUES (999, 'test', 'reader', '2026-11-24T12:00:00Z')
                    """)
                return (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096,
                        try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'ingests'") ?? 2)
            }
        }()
        // Overwrite the middle of the ingests table's root page (its cell pointers) with garbage.
        let handle = try #require(FileHandle(forUpdatingAtPath: damaged))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize + 8))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 64))
        try handle.close()

        let report = try ReportStore.check(at: damaged)
        #expect(report.problems.contains { $0.hasPrefix("integrity") }, "\(report.problems)")
        #expect(report.problems.contains("foreign key: memberships row 1 refers to a missing row of accounts"), "\(report.problems)")
    }

    @Test func aStoreFromANewerVersionIsReported() throws {
        let store = try store("store.sqlite", ingests: 0)
        try store.queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: the future')") }
        let report = try ReportStore.check(at: store.path)
        #expect(report.problems == ["the store is from a newer version of the platform (migrations this version does not know: v99: the future)"])
    }

    @Test func aFileThatIsNotAStoreIsAProblem() throws {
        let path = try folder.write("notes.sqlite", String(repeating: "not a database\n", count: 100))
        let report = try ReportStore.check(at: path)
        #expect(!report.isSound)
    }
}
