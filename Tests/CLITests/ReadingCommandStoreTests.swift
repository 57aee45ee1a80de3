import Foundation
import Testing

/// The commands that only read the store: a store that is not there is an error naming it, never an empty
/// store, and a store the user may only read is read without writing (issue 12, item 15).
@Suite("Reading commands and the store")
struct ReadingCommandStoreTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Every reading command, for Tranemo.
    static let readingCommands: [[String]] = [
        ["reports", "tranemo", "--period", "2026-W47"],
        ["due", "tranemo"],
        ["insats", "list", "tranemo"],
        ["insats", "show", "tranemo", "i1"],
        ["prioritet", "propose", "tranemo", "--period", "2026-Q4"],
        ["prioritet", "show", "tranemo"],
        ["status", "list", "tranemo"],
        ["status", "history", "tranemo", "--area", "limmared"],
        ["analys", "tranemo", "--year", "2026"],
        ["escalation", "list", "tranemo"],
    ]

    @Test(arguments: readingCommands)
    func aMistypedStoreIsAnErrorNamingIt(_ command: [String]) throws {
        let store = path("platfrom.sqlite")
        let result = try CLI.run(command + ["--store", store])
        #expect(result.status != 0, "\(command) exited 0 on a missing store: \(result.stdout)")
        #expect(result.stderr.contains("\(store): error: no report store here"), "\(command): \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func atgardsplanOnAMistypedStoreIsAnError() throws {
        let store = path("platfrom.sqlite")
        let result = try CLI.run(["atgardsplan", "tranemo", "--year", "2026", "--out", path("plan"), "--store", store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(store): error: no report store here"), "\(result.stderr)")
    }

    /// `calendar` plans meetings without a store; a missing one is a warning naming it, and no file is made.
    @Test func calendarWarnsOfAMissingStore() throws {
        let store = path("platfrom.sqlite")
        let result = try CLI.run(["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-01-31", "--format", "text", "--store", store])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: no report store at \(store); the calendar shows no declared escalations\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// A store file the user may only read (0444) in a folder they may not write to (0555). Tests run as
    /// root here, where file modes do not bind, so the command runs as `nobody` through `setpriv` then.
    @Test func aStoreTheUserMayOnlyReadIsRead() throws {
        let folder = path("readonly")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = folder + "/s.sqlite"
        try Data("""
            date,reporter,area,indicator,value
            2026-11-16,polisen,tranemo,klotter,2

            """.utf8).write(to: URL(fileURLWithPath: path("w47.csv")))
        #expect(try CLI.run(["ingest", "tranemo", path("w47.csv"), "--store", store]).status == 0)
        let expected = try CLI.run(["reports", "tranemo", "--period", "2026-W47", "--store", store])
        #expect(expected.stdout.contains("Klotter"))
        // A read as root leaves the WAL's `-wal` and `-shm` files (SQLite gives them the store's owner and
        // mode); without them a reader who may not create them reads the file as it is (immutable).
        for leftover in ["-wal", "-shm"] { try FileManager.default.removeItem(atPath: store + leftover) }
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        #expect(chmod(store, 0o444) == 0 && chmod(folder, 0o555) == 0)
        defer { chmod(folder, 0o755) }
        for withWALFiles in [false, true] {
            if withWALFiles { _ = try CLI.run(["reports", "tranemo", "--period", "2026-W47", "--store", store]) }
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let result = try CLI.run(["reports", "tranemo", "--period", "2026-W47", "--store", store], launcher: CLI.asNobody)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == expected.stdout)
            #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == files)
        }
    }
}
