import Dispatch
import Foundation
import NIOConcurrencyHelpers
import Platform
import PlatformPostgres
import Testing

/// Several processes on one database (issue 14): a serialization failure or a deadlock is run again rather
/// than reaching a user, and two stores migrating a new database at once do not collide.
@Suite("PostgreSQL concurrency")
struct ConcurrencyTests {
    /// Two SERIALIZABLE transactions that each read what the other writes (write skew): PostgreSQL fails
    /// one with 40001; the bridge runs it again and both end up committed.
    @Test func aSerializationFailureIsRetried() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated(poolSize: 2)
        defer { bridge.close() }
        let barrier = Barrier(parties: 2)
        let attempts = NIOLockedValueBox(0)
        try Self.inParallel(2) { worker in
            try bridge.transaction(kommun: "lysekil", isolation: .serializable) { transaction in
                let first = attempts.withLockedValue { $0 += 1; return $0 <= 2 }
                let seen = try transaction.queryFirst("SELECT count(*) AS n FROM escalations WHERE kommun = 'lysekil'")?.int("n") ?? -1
                if first { barrier.arriveAndWait() }
                try transaction.execute("""
                    INSERT INTO escalations (kommun, escalation, from_date, note, declared_at)
                    VALUES ('lysekil', $1, '2026-11-20', $2, '2026-11-20T08:00:00Z')
                    """, [.text("e\(worker)"), .text("saw \(seen)")])
            }
        }
        #expect(bridge.retries >= 1)
        #expect(attempts.withLockedValue { $0 } == 2 + bridge.retries)
        let notes = try bridge.transaction(kommun: "lysekil") { transaction in
            try transaction.query("SELECT note FROM escalations ORDER BY note").map { try $0.text("note") }
        }
        // The retried transaction saw the other's row: the two ran as if one after the other.
        #expect(notes == ["saw 0", "saw 1"])
    }

    /// Two transactions that lock two rows in opposite orders: PostgreSQL breaks the deadlock (40P01) and
    /// the bridge runs the victim again.
    @Test func aDeadlockIsRetried() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated(poolSize: 2)
        defer { bridge.close() }
        let ids = try bridge.transaction(kommun: "lysekil") { transaction in
            try (1...2).map { index in
                try #require(try transaction.queryFirst("""
                    INSERT INTO escalations (kommun, escalation, from_date, declared_at)
                    VALUES ('lysekil', $1, '2026-11-20', '2026-11-20T08:00:00Z') RETURNING id
                    """, [.text("e\(index)")])).int64("id")
            }
        }
        let barrier = Barrier(parties: 2)
        let attempts = NIOLockedValueBox(0)
        // The two run under different `app.kommun` values (both see the rows): within one kommun every writer
        // also waits for the kommun's change counter (`store_changes`), which would queue the second writer
        // before it takes its first row lock, and the deadlock this test is about would never form.
        try Self.inParallel(2) { worker in
            try bridge.transaction(kommun: worker == 0 ? "lysekil" : "*") { transaction in
                let first = attempts.withLockedValue { $0 += 1; return $0 <= 2 }
                let order = worker == 0 ? ids : ids.reversed()
                try transaction.execute("UPDATE escalations SET note = coalesce(note, '') || $1 WHERE id = $2", [.text("\(worker)"), .int(order[0])])
                if first { barrier.arriveAndWait() }
                try transaction.execute("UPDATE escalations SET note = coalesce(note, '') || $1 WHERE id = $2", [.text("\(worker)"), .int(order[1])])
            }
        }
        #expect(bridge.retries == 1)
        let notes = try bridge.transaction(kommun: "lysekil") { transaction in
            try transaction.query("SELECT note FROM escalations ORDER BY id").map { try $0.text("note") }
        }
        #expect(notes.allSatisfy { $0.count == 2 && $0.contains("0") && $0.contains("1") }, "\(notes)")
    }

    @Test func migratingTwiceChangesNothing() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        defer { bridge.close() }
        #expect(try PostgresMigrations.migrate(bridge) == PostgresMigrations.all.map(\.identifier))
        #expect(try PostgresMigrations.migrate(bridge) == [])
        #expect(try bridge.transaction(kommun: "*") { try PostgresMigrations.applied($0) } == PostgresMigrations.all.map(\.identifier))
    }

    /// Two stores (two pools) opening a new database at the same moment: one migrates, the other waits for
    /// its advisory lock and finds nothing left to do.
    @Test func twoStoresMigratingAtOnce() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridges = try (0..<2).map { _ in try database.bridge(poolSize: 1) }
        defer { bridges.forEach { $0.close() } }
        let applied = NIOLockedValueBox<[[String]]>([])
        let barrier = Barrier(parties: 2)
        try Self.inParallel(2) { worker in
            barrier.arriveAndWait()
            let done = try PostgresMigrations.migrate(bridges[worker])
            applied.withLockedValue { $0.append(done) }
        }
        #expect(applied.withLockedValue { $0.map(\.count).sorted() } == [0, PostgresMigrations.all.count])
        #expect(try bridges[0].transaction(kommun: "*") { try PostgresMigrations.applied($0) } == PostgresMigrations.all.map(\.identifier))
    }

    /// Runs `body(0)`, `body(1)`, … on their own threads (the bridge blocks its callers) and waits for all;
    /// rethrows the first error.
    static func inParallel(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        let group = DispatchGroup()
        let errors = NIOLockedValueBox<[any Error]>([])
        for worker in 0..<count {
            group.enter()
            Thread {
                defer { group.leave() }
                do { try body(worker) } catch { errors.withLockedValue { $0.append(error) } }
            }.start()
        }
        group.wait()
        if let error = errors.withLockedValue({ $0.first }) { throw error }
    }
}

/// Threads wait in `arriveAndWait()` until `parties` of them have arrived.
final class Barrier: Sendable {
    private let parties: Int
    private let arrived = NIOLockedValueBox(0)
    private let semaphore = DispatchSemaphore(value: 0)

    init(parties: Int) {
        self.parties = parties
    }

    func arriveAndWait() {
        let count = arrived.withLockedValue { $0 += 1; return $0 }
        if count == parties {
            for _ in 1..<parties { semaphore.signal() }
        } else {
            semaphore.wait()
        }
    }
}

/// The change count behind the PostgreSQL store's `version()`.
@Suite("PostgreSQL store version")
struct VersionTests {
    @Test func everyWriteChangesTheCountAndAReadDoesNot() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        let other = try database.bridge()
        defer { other.close() }
        func count() throws -> Int64 { try bridge.transaction(kommun: nil) { try PostgresMigrations.changeCount($0) } }
        let start = try count()
        try bridge.transaction(kommun: "lysekil") { _ = try $0.query("SELECT * FROM reports") }
        #expect(try count() == start)
        // A write through another pool (another process) is seen.
        try other.transaction(kommun: "lysekil") { try IsolationTests.insertReport($0, kommun: "lysekil", ref: "r1") }
        let afterReport = try count()
        #expect(afterReport > start)
        try other.transaction(kommun: "*") { transaction in
            try transaction.execute("""
                INSERT INTO accounts (login, name, created_at, changed_at) VALUES ('a', 'A', '2026-11-20', '2026-11-20')
                """)
        }
        #expect(try count() > afterReport)
    }
}
