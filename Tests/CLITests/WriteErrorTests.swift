import Foundation
import Testing

/// Every write is checked: a full standard output, an `--out` that is not a regular file, and a file-size
/// limit each end in an error and a non-zero exit, never a silent 0, a crash or a half-written file.
@Suite("Write errors")
struct WriteErrorTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// `> /dev/full`: only ever written to, as a redirection of standard output.
    @Test(arguments: [
        ["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31"],
        ["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31", "--format", "ics"],
        ["org", "tranemo"],
        ["kommuner"],
        ["validate"],
        ["exporters"],
        ["plan", "lysekil", "--mandate", "2026"],
        ["simulate", "tranemo", "--from", "2026-01-01", "--to", "2026-03-31"],
        ["simulate", "tranemo", "--from", "2026-01-01", "--to", "2026-01-01"],
    ])
    func aFullStandardOutputIsAnError(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try CLI.run(arguments, standardOutput: full)
        #expect(result.status == 1, "\(arguments): exit \(result.status), \(result.stderr)")
        #expect(result.stderr.contains("standard output could not be written"), "\(result.stderr)")
    }

    @Test func theSameCommandsStillExitZeroOnAWritableOutput() throws {
        let result = try CLI.run(["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31"])
        #expect(result.status == 0 && !result.stdout.isEmpty && result.stderr.isEmpty)
    }

    /// A FIFO stands in for a device such as /dev/null: `--out` must not replace it with a regular file.
    @Test(arguments: [
        ["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31", "--format", "ics", "--out"],
        ["simulate", "tranemo", "--from", "2026-01-01", "--to", "2026-01-31", "--out"],
    ])
    func outOntoSomethingThatIsNotARegularFileIsRefused(_ arguments: [String]) throws {
        let fifo = path("device")
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try CLI.run(arguments + [fifo])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(fifo): error: is not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["device"])
    }

    @Test func outOntoASymbolicLinkIsRefusedAndTheLinkedFileKept() throws {
        try Data("kept\n".utf8).write(to: URL(fileURLWithPath: path("real.ics")))
        try FileManager.default.createSymbolicLink(atPath: path("link.ics"), withDestinationPath: path("real.ics"))
        let result = try CLI.run(["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31", "--out", path("link.ics")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a regular file"))
        #expect(try String(contentsOfFile: path("real.ics"), encoding: .utf8) == "kept\n")
    }

    @Test func outOverARegularFileReplacesIt() throws {
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path("cal.txt")))
        let result = try CLI.run(["calendar", "tranemo", "--from", "2027-01-01", "--to", "2027-12-31", "--out", path("cal.txt")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: path("cal.txt"), encoding: .utf8).contains("Tranemo"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["cal.txt"])
    }

    /// Under `ulimit -f` a write fails with EFBIG (SIGXFSZ is ignored): an error, and no temporary file left.
    @Test func aFileSizeLimitLeavesNoPartialFile() throws {
        let result = try CLI.run(["simulate", "tranemo", "--from", "2025-01-01", "--to", "2025-12-31", "--out", path("year.csv")],
                                 wrapper: ["/bin/sh", "-c", "ulimit -f 16; exec \"$0\" \"$@\""])
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("\(path("year.csv")): error: could not be written: File too large"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
