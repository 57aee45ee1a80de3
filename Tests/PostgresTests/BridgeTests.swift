import Foundation
import Platform
import PlatformPostgres
import Testing

/// The synchronous bridge to PostgreSQL (issue 14): queries read by column name, COPY, errors without
/// values, clean shutdown.
@Suite("PostgreSQL bridge")
struct BridgeTests {
    @Test func valuesRoundTripThroughBindsAndAreReadByColumnName() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        defer { bridge.close() }
        let row = try bridge.transaction(kommun: nil) { transaction in
            try transaction.queryFirst("""
                SELECT $1::text AS name, $2::bigint AS big, 7::integer AS small, $3::double precision AS ratio,
                       $4::boolean AS flag, $5::text AS missing, sum(x)::numeric AS total, 2.5::numeric AS half
                FROM (VALUES (1::bigint), (2::bigint)) AS v(x)
                """, [.text("Åsa\t\"tab\""), .int(Int64.max), .double(0.1), .bool(true), .null])
        }
        let values = try #require(row)
        #expect(try values.text("name") == "Åsa\t\"tab\"")
        #expect(try values.int64("big") == Int64.max)
        #expect(try values.int("small") == 7)
        #expect(try values.double("ratio") == 0.1)
        #expect(try values.bool("flag"))
        #expect(try values.optionalText("missing") == nil)
        #expect(try values.int("total") == 3)
        #expect(try values.double("half") == 2.5)
        #expect(throws: PostgresStoreError.self) { try values.text("big") }
        #expect(throws: PostgresStoreError.self) { try values.text("missing") }
        #expect(throws: PostgresStoreError.self) { try values.text("no_such_column") }
    }

    @Test func executeCountsTheRowsItChanged() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        defer { bridge.close() }
        let counts = try bridge.transaction(kommun: nil) { transaction in
            try transaction.execute("CREATE TABLE t (n bigint)")
            let inserted = try transaction.execute("INSERT INTO t SELECT generate_series(1, 5)")
            let updated = try transaction.execute("UPDATE t SET n = n + 1 WHERE n > $1", [.int(2)])
            let deleted = try transaction.execute("DELETE FROM t WHERE n = $1", [.int(6)])
            return [inserted, updated, deleted]
        }
        #expect(counts == [5, 3, 1])
    }

    @Test func aFailedTransactionRollsBackAndTheConnectionIsReused() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge(poolSize: 1)
        defer { bridge.close() }
        try bridge.transaction(kommun: nil) { try $0.execute("CREATE TABLE t (n bigint PRIMARY KEY)") }
        #expect(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: nil) { transaction in
                try transaction.execute("INSERT INTO t VALUES (1)")
                try transaction.execute("INSERT INTO t VALUES (1)")
            }
        }
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try bridge.transaction(kommun: nil) { transaction in
                try transaction.execute("INSERT INTO t VALUES (2)")
                throw Refused()
            }
        }
        let count = try bridge.transaction(kommun: nil) { try $0.queryFirst("SELECT count(*) AS n FROM t")?.int("n") }
        #expect(count == 0)
    }

    /// A server error names its SQLSTATE and constraint, never the values that were bound (they may be
    /// personal data), not even in a data exception's message, which quotes its input.
    @Test func anErrorHasItsSQLStateButNoBoundValue() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        defer { bridge.close() }
        try bridge.transaction(kommun: nil) { try $0.execute("CREATE TABLE people (name text UNIQUE)") }
        let duplicate = try #require(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: nil) { transaction in
                try transaction.execute("INSERT INTO people VALUES ($1)", [.text("19121212-1212")])
                try transaction.execute("INSERT INTO people VALUES ($1)", [.text("19121212-1212")])
            }
        }
        #expect(duplicate.sqlState == "23505")
        #expect(duplicate.isUniqueViolation)
        #expect("\(duplicate)" == #"PostgreSQL error 23505 (table people, constraint people_name_key): duplicate key value violates unique constraint "people_name_key""#)
        let malformed = try #require(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: nil) { try $0.query("SELECT $1::bigint AS n", [.text("19121212-1212")]) }
        }
        #expect("\(malformed)" == "PostgreSQL error 22P02: invalid input syntax for type bigint")
        #expect(!"\(malformed)".contains("1912"))
    }

    @Test func anUnreachableServerIsAnErrorWithoutThePassword() throws {
        let url = PostgresURL(user: "u", password: "s3cret", database: "d",
                              endpoint: .socket(directory: "/nonexistent-\(UUID().uuidString)", port: 5432))
        let error = try #require(throws: PostgresStoreError.self) { try PostgresBridge(url: url) }
        #expect(error.sqlState == nil)
        #expect(!"\(error)".contains("s3cret"))
    }

    @Test func copyWritesRowsThatReadBackExactly() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        defer { bridge.close() }
        let rows: [[PostgresValue]] = (0..<20_000).map { (index: Int) -> [PostgresValue] in
            let ratio: PostgresValue = index % 3 == 0 ? .null : .double(Double(index) / 7)
            return [.int(Int64(index)), .text("rad \(index)\t\\ \"x\"\nny\r"), ratio, .bool(index % 2 == 0)]
        }
        let back = try bridge.transaction(kommun: nil) { transaction in
            try transaction.execute("CREATE TABLE t (n bigint, label text, ratio double precision, even boolean)")
            #expect(try transaction.copy(into: "t", columns: ["n", "label", "ratio", "even"], rows: rows) == 20_000)
            return try transaction.query("SELECT n, label, ratio, even FROM t ORDER BY n").map(\.values)
        }
        #expect(back == rows)
    }

    @Test func aCopyThatFailsRollsBackAndNamesTheProblem() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge(poolSize: 1)
        defer { bridge.close() }
        try bridge.transaction(kommun: nil) { try $0.execute("CREATE TABLE t (n bigint NOT NULL)") }
        let error = try #require(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: nil) { try $0.copy(into: "t", columns: ["n"], rows: [[.int(1)], [.null]]) }
        }
        #expect(error.sqlState == "23502")
        #expect(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: nil) { try $0.copy(into: "t; DROP TABLE t", columns: ["n"], rows: [[.int(1)]]) }
        }
        #expect(try bridge.transaction(kommun: nil) { try $0.queryFirst("SELECT count(*) AS n FROM t")?.int("n") } == 0)
    }

    /// COPY waits on the bridge's own event loop: it completes even when every thread of Swift's cooperative
    /// pool is blocked in store calls.
    @Test func copyNeedsNoFreeConcurrencyThread() async throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        defer { bridge.close() }
        try bridge.transaction(kommun: nil) { try $0.execute("CREATE TABLE t (n bigint)") }
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount) * 2
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<width {
                group.addTask {
                    try bridge.transaction(kommun: nil) { transaction in
                        _ = try transaction.copy(into: "t", columns: ["n"], rows: (0..<1000).map { [.int(Int64(worker * 1000 + $0))] })
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try bridge.transaction(kommun: nil) { try $0.queryFirst("SELECT count(*) AS n FROM t")?.int("n") } == width * 1000)
    }

    @Test func aClosedBridgeRefusesTransactionsAndABridgeLeftOpenShutsDownOnItsOwn() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.bridge()
        bridge.close()
        bridge.close()
        #expect(throws: PostgresStoreError.self) { try bridge.transaction(kommun: nil) { _ in } }
        do {
            let forgotten = try database.bridge()
            try forgotten.transaction(kommun: nil) { _ = try $0.query("SELECT 1 AS one") }
        }
    }
}
