import Foundation
import Testing

/// A temporary folder with a report store that a suite builds once, by running `platform-cli` commands into
/// it; a failing command is kept as `setupError` and reported by each test that needs the store.
final class StoreFixture: @unchecked Sendable {
    let directory: URL
    let store: String
    let setupError: String?

    /// A new folder named after `name`; `setUp` gets the folder and the store's path and runs the commands
    /// that fill the store, returning their results.
    init(_ name: String, setUp: (_ directory: URL, _ store: String) throws -> [CLI.Result]) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        store = directory.appendingPathComponent("store.sqlite").path
        var problem: String?
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let failed = try setUp(directory, store).filter { $0.status != 0 }
            if !failed.isEmpty { problem = failed.map(\.stderr).joined() }
        } catch {
            problem = "\(error)"
        }
        setupError = problem
    }

    /// Fails the test unless the store was built.
    func requireReady(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(setupError == nil, "\(setupError ?? "")", sourceLocation: sourceLocation)
    }

    /// A file in the folder's `out/`.
    func output(_ name: String) -> String { directory.appendingPathComponent("out").appendingPathComponent(name).path }

    /// A copy of the store, for a test that changes it.
    func copiedStore(_ name: String) throws -> String {
        let copy = directory.appendingPathComponent(name).path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        return copy
    }
}
