import Foundation
import GRDB
import Testing
@testable import Platform
import StoreTestSupport

/// Group commit (`ReportStore.ingest(batch:now:)`): several deliveries in one transaction, each all or
/// nothing on its own, each stored one with its audit event.
@Suite("Report intake: group commit")
struct GroupCommitTests {
    @Test(arguments: StoreKind.tested)
    func aRefusedDeliveryInABatchLeavesNoTraceAndTheOthersAreStoredWithTheirAuditEvents(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let validator = ReportValidator(config: ReportIntakeTests.config, today: ReportIntakeTests.today, privacy: .refuse)
        var bad = ReportIntakeTests.events[1]
        bad[.note] = "ring 070-123 45 67"
        let sources = [ReportIntakeTests.form([ReportIntakeTests.events[0]]), ReportIntakeTests.form([ReportIntakeTests.events[2], bad]),
                       ReportIntakeTests.form([ReportIntakeTests.events[2]])]
        let batch = sources.enumerated().map { index, source in
            ReportDelivery(source: source, config: ReportIntakeTests.config, validator: validator) { outcome in
                AuditEvent(at: ReportIntakeTests.now, kommun: ReportIntakeTests.config.id, actor: "test", action: "delivery-\(index)", detail: "\(outcome.new) new")
            }
        }
        let outcomes = try store.ingest(batch: batch, now: ReportIntakeTests.now).map { try $0.get() }
        #expect(outcomes.map(\.committed) == [true, false, true])
        #expect(outcomes.map(\.new) == [1, 1, 1])
        #expect(outcomes[1].refused.map(\.problems.line) == [2])
        // The refused delivery's first row was stored in its savepoint and taken back: web-a3 came in once, by the third.
        #expect(try store.counts(kommun: ReportIntakeTests.config.id).reports == 2)
        #expect(try store.rowCount(of: "ingests") == 2)
        #expect(try store.auditLog(kommun: ReportIntakeTests.config.id, limit: 10).map(\.action).sorted() == ["delivery-0", "delivery-2"])
    }

    /// SQLite's own setting, read from the file.
    @Test func theStoreSyncsEveryCommit() throws {
        let directory = try TemporaryDirectory()
        let store = try ReportStore(path: directory.path("store.sqlite"))
        // 2 = FULL: the WAL is synced before a commit returns.
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }
}
