import Foundation
import Testing

/// What two real `ingest` processes do to the store: nothing another process committed is lost (issue 12,
/// item 1).
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
    /// after it has seen no store and before it opens one, until the second has committed: no sleeps.
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
        first.environment = ProcessInfo.processInfo.environment.merging(["PLATFORM_NOW": CLI.now]) { $1 }
        let firstErr = Pipe()
        first.standardOutput = FileHandle.nullDevice
        first.standardError = firstErr
        try first.run()
        // Opening the FIFO for writing waits until the first process has opened it for reading, which it
        // does after it has looked for the store (and found none).
        let writer = try FileHandle(forWritingTo: URL(fileURLWithPath: fifo))
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
}
