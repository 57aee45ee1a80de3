import Foundation
import StoreTestSupport
import Testing

/// A temporary folder with a report store of one kind that a suite builds once, by running `platform-cli`
/// commands into it; a failing command (or a store that could not be made) is kept as `setupError` and
/// reported by each test that needs the store.
final class StoreFixture: @unchecked Sendable {
    let directory: URL
    /// What `--store` takes: the SQLite file's path or the PostgreSQL database's URL.
    let store: String
    let setupError: String?
    /// The store itself, kept (and its database kept) while the fixture lives; nil when it could not be made.
    let fresh: FreshStore?

    /// A new folder named after `name` and a new store of `kind`; `setUp` gets the folder and the store's
    /// `--store` argument and runs the commands that fill the store, returning their results.
    init(_ name: String, store kind: StoreKind, setUp: (_ directory: URL, _ store: String) throws -> [CLI.Result]) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(kind)-\(UUID().uuidString)")
        var problem: String?
        var fresh: FreshStore?
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let made = try FreshStore(kind)
            fresh = made
            let failed = try setUp(directory, made.location).filter { $0.status != 0 }
            if !failed.isEmpty { problem = failed.map(\.stderr).joined() }
        } catch {
            problem = "\(error)"
        }
        self.fresh = fresh
        store = fresh?.location ?? ""
        setupError = problem
    }

    /// One fixture per store the tests run against (`StoreKind.tested`), each built as `setUp` says.
    static func each(_ name: String, setUp: (_ directory: URL, _ store: String) throws -> [CLI.Result]) -> [StoreKind: StoreFixture] {
        Dictionary(uniqueKeysWithValues: StoreKind.tested.map { ($0, StoreFixture(name, store: $0, setUp: setUp)) })
    }

    /// Fails the test unless the store was built.
    func requireReady(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(setupError == nil, "\(setupError ?? "")", sourceLocation: sourceLocation)
    }

    /// A file in the folder's `out/`.
    func output(_ name: String) -> String { directory.appendingPathComponent("out").appendingPathComponent(name).path }

    /// A copy of the store, for a test that changes it.
    func copiedStore() throws -> FreshStore {
        try requireReady()
        return try FreshStore(copying: try #require(fresh))
    }
}

extension Dictionary where Key == StoreKind, Value == StoreFixture {
    /// The fixture of `kind`, ready (the test fails when it was not built).
    func ready(_ kind: StoreKind, sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreFixture {
        let fixture = try #require(self[kind], "no fixture for \(kind)", sourceLocation: sourceLocation)
        try fixture.requireReady(sourceLocation: sourceLocation)
        return fixture
    }
}
