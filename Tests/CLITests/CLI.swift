import Foundation
import Testing

/// Runs the built `platform-cli` from the package root and compares output with golden files.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let goldenDirectory = packageRoot.appendingPathComponent("Tests/CLITests/Golden")

    /// The binary SwiftPM built next to the test bundle.
    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("platform-cli")
    }

    /// A launcher for `run` that runs the command as `nobody` when the tests run as root (where file modes do
    /// not bind), so that a read-only file or folder is read-only for the command; none otherwise.
    static var asNobody: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    /// The clock every run sees, so output does not depend on the day the tests run.
    static let now = "2026-11-24T12:00:00Z"

    /// The compiled configuration cache every run uses (`PLATFORM_CACHE`): a folder of this test process's own,
    /// so the tests exercise the cache as users run it without writing into the user's `~/.cache`.
    static let cacheDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("platform-cli-tests-cache-\(getpid())").path

    /// The environment every run starts from: this process's, with the tests' clock and cache.
    static var baseEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["PLATFORM_NOW": now, "PLATFORM_CACHE": cacheDirectory]) { $1 }
    }

    /// Runs `platform-cli arguments` with the package root as working directory and the clock at `now`;
    /// standard output goes to `standardOutput` when given (its `stdout` is then empty), through `launcher`
    /// (a command and its arguments, such as `setpriv …`, or a shell that sets a limit and `exec`s the rest)
    /// when one is given.
    static func run(_ arguments: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil,
                    launcher: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary.path] + arguments
        process.currentDirectoryURL = packageRoot
        process.environment = baseEnvironment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        try process.run()
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The first column of the first row `sql` returns from the SQLite file at `path`, by the sqlite3 tool:
    /// an independent reader of the store.
    static func sqlite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every row `sql` returns from the SQLite file at `path`, by the sqlite3 tool, fields split on `|`.
    static func sqliteRows(_ path: String, _ sql: String) throws -> [[String]] {
        try sqlite(path, sql).split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Compares `actual` with the golden file `name`; with RECORD_GOLDEN=1 writes it instead.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}
