import Foundation
import StoreTestSupport
import Testing

/// What two real `ingest` processes and unwritable folders do to the store: nothing another process
/// committed is lost, and nothing is stored unless its refused rows are safe (issue 12, items 1 and 2).
@Suite("Ingest store safety")
struct IngestStoreSafetyTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-store-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A refused ingest that started before the store existed must not delete the store another process
    /// created and committed to meanwhile. The first process reads its file from a FIFO, so it is held
    /// after it has seen no store and before it opens one, until the second has committed: no sleeps. (SQLite
    /// only: a file that does not exist yet.)
    @Test func aRefusedIngestKeepsWhatAnotherProcessCommitted() throws {
        let store = path("s.sqlite")
        let fifo = path("bad-last-row.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        try Data("""
            date,reporter,area,indicator,value
            2026-11-16,polisen,tranemo,klotter,2
            2026-11-17,polisen,limmared,klotter,1

            """.utf8).write(to: URL(fileURLWithPath: path("good.csv")))
        let first = Process()
        first.executableURL = CLI.binary
        first.arguments = ["ingest", "lysekil", fifo, "--store", store]
        first.currentDirectoryURL = CLI.packageRoot
        first.environment = CLI.baseEnvironment
        let firstErr = Pipe()
        first.standardOutput = FileHandle.nullDevice
        first.standardError = firstErr
        try first.run()
        // The FIFO opens for writing once the first process has opened it for reading, which it does after
        // it has looked for the store (and found none). Polled without blocking, so a first process that
        // fails before that fails the test instead of hanging it.
        var descriptor: Int32 = -1
        while descriptor < 0 && first.isRunning {
            descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor < 0 { usleep(10_000) }
        }
        try #require(descriptor >= 0, "the first ingest ended before it read its file")
        _ = fcntl(descriptor, F_SETFL, 0)  // blocking writes from here on
        let writer = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let second = try CLI.run(["ingest", "tranemo", path("good.csv"), "--store", store])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasSuffix(": 2 new, 0 revised, 0 unchanged\n"))
        try writer.write(contentsOf: Data("""
            date,reporter,area,indicator,value
            2026-11-20,polismyndigheten,norra-hamnen,klotter,1
            2026-11-21,polismyndigheten,Atlantis,klotter,1

            """.utf8))
        try writer.close()
        let stderr = String(decoding: firstErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        first.waitUntilExit()
        #expect(first.terminationStatus == 1)
        #expect(stderr.hasSuffix(": refused (1 bad row); nothing stored\n"), "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(try CLI.sqlite(store, "SELECT COUNT(*) FROM reports WHERE kommun = 'tranemo'") == "2")
        #expect(try CLI.sqlite(store, "SELECT COUNT(*) FROM reports WHERE kommun = 'lysekil'") == "0")
    }

    /// With `--skip-invalid`, a file whose refused rows cannot be written (here: their file name is too long
    /// for the file system, which binds root as well) stores nothing, says why naming the path, and the
    /// files after it are still ingested, each with a line of its own.
    @Test(arguments: StoreKind.tested) func skipInvalidStoresNothingWhenTheRefusedRowsCannotBeWritten(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        let long = path(String(repeating: "v", count: 248) + ".csv")
        try Data("""
            date,reporter,area,indicator,value
            2026-11-16,polisen,tranemo,klotter,2
            2026-11-17,polisen,Atlantis,klotter,1

            """.utf8).write(to: URL(fileURLWithPath: long))
        try Data("""
            date,reporter,area,indicator,value
            2026-11-18,polisen,limmared,klotter,1

            """.utf8).write(to: URL(fileURLWithPath: path("good.csv")))
        let result = try CLI.run(["ingest", "tranemo", long, path("good.csv"), "--store", store, "--skip-invalid"])
        #expect(result.status == 1)
        let refused = String(long.dropLast(4)) + ".refused.csv"
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.first == "\(long):3: error: unknown area 'Atlantis'")
        // The reason is the system's ("Permission denied" for a read-only folder).
        // The message names the path (cut in the middle past 300 characters) and ends with the system's reason.
        let message = try #require(lines.dropFirst().first)
        #expect(message.hasPrefix("\(long): error: cannot write the refused rows to \(refused.prefix(40))"), "\(message)")
        #expect(message.hasSuffix("File name too long; nothing of this file is stored"), "\(message)")
        #expect(lines.last == "\(long): refused; nothing stored")
        #expect(!FileManager.default.fileExists(atPath: refused))
        #expect(result.stdout == "\(path("good.csv")): 1 new, 0 revised, 0 unchanged\n")
        let stored = try fresh.open()
        #expect(try stored.values(of: "date", in: "reports") == [.text("2026-11-18")])
        #expect(try stored.rowCount(of: "ingests") == 1)
    }

    /// The same in a folder the user may not write to (0555, beside a store they may write). Root may write
    /// anywhere, so then the ingest runs as `nobody` through `setpriv`. (SQLite only: `nobody` writes the store
    /// in a folder it may write to.)
    @Test func skipInvalidStoresNothingWhenTheFolderIsReadOnly() throws {
        let reports = path("reports"), stores = path("stores")
        for folder in [reports, stores] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try Data("""
            date,reporter,area,indicator,value
            2026-11-16,polisen,tranemo,klotter,2
            2026-11-17,polisen,Atlantis,klotter,1

            """.utf8).write(to: URL(fileURLWithPath: reports + "/v47.csv"))
        #expect(chmod(reports, 0o555) == 0 && chmod(stores, 0o777) == 0)
        defer { chmod(reports, 0o755) }
        let store = stores + "/s.sqlite"
        let result = try CLI.run(["ingest", "tranemo", reports + "/v47.csv", "--store", store, "--skip-invalid"], launcher: CLI.asNobody)
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "\(reports)/v47.csv: error: cannot write the refused rows to \(reports)/v47.refused.csv: Permission denied; nothing of this file is stored"),
            "\(result.stderr)")
        #expect(try CLI.sqlite(store, "SELECT COUNT(*) FROM reports") == "0")
    }

    /// A corrected delivery without ids says how many of the stored rows it replaced (issue 12, item 4).
    @Test(arguments: StoreKind.tested) func aCorrectedDeliveryWithoutIDsSaysWhatItReplaced(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        let header = "date,reporter,area,indicator,value\n"
        try Data((header + "2026-11-17,polisen,limmared,klotter,2\n2026-11-17,polisen,tranemo,klotter,1\n").utf8)
            .write(to: URL(fileURLWithPath: path("v47.csv")))
        #expect(try CLI.run(["ingest", "tranemo", path("v47.csv"), "--store", store]).status == 0)
        try Data((header + "2026-11-17,polisen,limmared,klotter,3\n").utf8).write(to: URL(fileURLWithPath: path("v47.csv")))
        let dryRun = try CLI.run(["ingest", "tranemo", path("v47.csv"), "--store", store, "--dry-run"])
        #expect(dryRun.stdout == "\(path("v47.csv")): dry run: 1 new, 0 revised, 0 unchanged, 0 refused, 2 replaced without id; nothing written\n")
        let corrected = try CLI.run(["ingest", "tranemo", path("v47.csv"), "--store", store])
        #expect(corrected.stdout == "\(path("v47.csv")): 1 new, 0 revised, 0 unchanged; 2 replaced without id, withdrawn\n")
        #expect(try fresh.open().rows(of: "reports").filter { $0["withdrawn_in"] == .null }.map { $0["value"] } == [.integer(3)])
    }
}
