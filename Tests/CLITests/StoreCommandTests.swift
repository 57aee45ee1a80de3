import Foundation
import StoreTestSupport
import Testing

/// `platform-cli store backup|check|copy`, and a store URL that is refused by every command (issue 14).
@Suite("Store command")
struct StoreCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private static let districts = ["--municipalities", "Tests/PlatformTests/Fixtures/districts"]

    /// A small store: one week of the districts fixture.
    private func smallStore() throws -> String {
        let store = path("store.sqlite")
        let ingest = try CLI.run(["ingest", "stad", "Tests/PlatformTests/Fixtures/districts/stad-2026-W47.csv", "--store", store] + Self.districts)
        try #require(ingest.status == 0, "\(ingest.stderr)")
        return store
    }

    @Test func checkOnASmallStore() throws {
        let result = try CLI.run(["store", "check", "--store", try smallStore()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        try CLI.expectGolden(result.stdout, "store-check-stad.txt")
    }

    @Test func backupWritesACopyThatChecksClean() throws {
        let store = try smallStore()
        let copy = path("backups/copy.sqlite")
        try FileManager.default.createDirectory(atPath: path("backups"), withIntermediateDirectories: true)
        let result = try CLI.run(["store", "backup", copy, "--store", store, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Copy written: \(copy) ("))
        let original = try CLI.run(["store", "check", "--store", store])
        let copied = try CLI.run(["store", "check", "--store", copy])
        #expect(copied.status == 0 && copied.stdout == original.stdout)
        let again = try CLI.run(["store", "backup", copy, "--store", store])
        #expect(again.status != 0 && again.stderr.contains("\(copy): error: the file exists; give --force to replace it"))
        #expect(try CLI.run(["store", "backup", copy, "--store", store, "--force"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("backups")) == ["copy.sqlite"])
    }

    /// Every kommun's lägesbild JSON compiled from `store`, by file name.
    private func lagesbilder(_ store: String, _ name: String) throws -> [String: String] {
        let out = path("out-\(name)")
        let result = try CLI.run(["lagesbild", "--all", "--format", "json", "--store", store, "--out", out] + Self.districts)
        try #require(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        return try Dictionary(uniqueKeysWithValues: files.map { ($0, try String(contentsOfFile: out + "/" + $0, encoding: .utf8)) })
    }

    @Test func copyGivesTheSameLagesbilderAndRefusesAFilledTarget() throws {
        let store = try smallStore()
        let copy = path("copy.sqlite")
        let result = try CLI.run(["store", "copy", "--from", store, "--to", copy, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("reports ") && result.stdout.hasSuffix("tables.\n"))
        let before = try lagesbilder(store, "before"), after = try lagesbilder(copy, "after")
        #expect(!before.isEmpty && before == after)
        #expect(try CLI.run(["store", "check", "--store", copy]).stdout == CLI.run(["store", "check", "--store", store]).stdout)
        let again = try CLI.run(["store", "copy", "--from", store, "--to", copy])
        #expect(again.status != 0 && again.stderr.contains("the target store is not empty (rows in "))
        let missing = try CLI.run(["store", "copy", "--from", path("none.sqlite"), "--to", path("new.sqlite")])
        #expect(missing.status != 0 && missing.stderr.contains("none.sqlite: error: no report store here"))
        #expect(!FileManager.default.fileExists(atPath: path("new.sqlite")))
    }

    /// SQLite to PostgreSQL and back (issue 14): every kommun's lägesbild JSON byte-identical before and after
    /// each copy, the same rows per table, and the copy back into a new SQLite file checks clean.
    @Test func copyToPostgreSQLAndBackKeepsEveryLagesbildByteIdentical() throws {
        let store = try smallStore()
        let nothing = try CLI.run(["report", "nothing", "stad", "faltgruppen-norr", "--period", "2026-W47", "--store", store] + Self.districts)
        try #require(nothing.status == 0, "\(nothing.stderr)")
        let postgres = try FreshStore(.postgres)
        let there = try CLI.run(["store", "copy", "--from", store, "--to", postgres.location])
        #expect(there.status == 0, "\(there.stderr)")
        let back = path("back.sqlite")
        let again = try CLI.run(["store", "copy", "--from", postgres.location, "--to", back])
        #expect(again.status == 0, "\(again.stderr)")
        let original = try lagesbilder(store, "original")
        #expect(!original.isEmpty)
        #expect(try lagesbilder(postgres.location, "postgres") == original)
        #expect(try lagesbilder(back, "back") == original)
        let checks = try [store, postgres.location, back].map { try CLI.run(["store", "check", "--store", $0]) }
        #expect(checks.allSatisfy { $0.status == 0 })
        // The same rows per table (PostgreSQL has one migration of its own, so the first line differs).
        #expect(checks[1].stdout.split(separator: "\n").dropFirst() == checks[0].stdout.split(separator: "\n").dropFirst())
        #expect(checks[2].stdout == checks[0].stdout)
        #expect(!there.stdout.contains("store_changes") && !there.stdout.contains("schema_migrations"))
    }

    @Test func checkListsEveryProblemAndExitsOne() throws {
        let store = try smallStore()
        _ = try CLI.sqlite(store, "PRAGMA foreign_keys = OFF; INSERT INTO memberships (account_id, kommun, role, granted_at) VALUES (999, 'stad', 'reader', 'x'); INSERT INTO grdb_migrations VALUES ('v99: the future');")
        let result = try CLI.run(["store", "check", "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr == """
            error: foreign key: memberships row 1 refers to a missing row of accounts
            error: the store is from a newer version of the platform (migrations this version does not know: v99: the future)

            """)
    }

    /// Every kind of command, given a store by `--store` or `PLATFORM_STORE`.
    static let commands: [[String]] = [
        ["ingest", "tranemo", "Tests/PlatformTests/Fixtures/districts/stad-2026-W47.csv"],
        ["reports", "tranemo", "--period", "2026-W47"],
        ["lagesbild", "tranemo", "--period", "2026-W47"],
        ["user", "list", "--kommun", "tranemo"],
        ["store", "check"],
        ["serve"],
    ]

    /// A URL of another scheme is refused before anything is touched, naming the option, and is never taken
    /// for a path (which would create a folder `mysql:`).
    @Test(arguments: commands)
    func aURLOfAnotherKindIsRefused(_ command: [String]) throws {
        let url = "mysql://platform:s3cret@db.example/platform"
        let viaOption = try CLI.run(command + ["--store", url])
        let viaEnvironment = try CLI.run(command, environment: ["PLATFORM_STORE": url])
        for (result, source) in [(viaOption, "--store"), (viaEnvironment, "PLATFORM_STORE")] {
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(source): error: 'mysql://…' is a URL, not a file path; "
                + "give a SQLite file path or a postgres:// URL"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("s3cret"))
        }
        #expect(!FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("mysql:").path))
    }

    /// A PostgreSQL database that cannot be reached is an error of the command, which never shows the URL's
    /// password, and nothing is created in its place.
    @Test(arguments: commands)
    func anUnreachablePostgreSQLStoreIsAnErrorWithoutItsPassword(_ command: [String]) throws {
        let url = "postgres://platform:s3cret@db.invalid/platform"
        for result in [try CLI.run(command + ["--store", url]), try CLI.run(command, environment: ["PLATFORM_STORE": url])] {
            #expect(result.status != 0)
            #expect(result.stderr.contains("db.invalid") && !result.stderr.contains("s3cret"), "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("postgres:").path))
    }

    @Test func backupOfAPostgreSQLStoreSaysToUsePgDumpAndWritesNothing() throws {
        let result = try CLI.run(["store", "backup", path("copy.sqlite"), "--store", "postgres://u@h/db"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--store: error: store backup copies a SQLite store; back up a PostgreSQL store with pg_dump"))
        #expect(!FileManager.default.fileExists(atPath: path("copy.sqlite")))
    }
}
