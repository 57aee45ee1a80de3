import Foundation
import Platform
import Synchronization

/// The kommuner the application serves, read from the kommun files at start and again on SIGHUP. A reload
/// takes effect only when every file validates: an invalid edit keeps the running configuration, and every
/// problem is returned so it can be logged.
public final class KommunDirectory: Sendable {
    public let folder: String
    private let loader: KommunConfigLoader
    private let kommuner: Mutex<[String: KommunConfig]>

    /// Reads the folder; a folder with any invalid file is an error listing every problem.
    public init(folder: String, loader: KommunConfigLoader = KommunConfigLoader()) throws {
        self.folder = folder
        self.loader = loader
        kommuner = Mutex(try Self.load(folder, loader: loader).get())
    }

    /// The kommun with `id`, nil when there is none.
    public func kommun(_ id: String) -> KommunConfig? {
        kommuner.withLock { $0[id] }
    }

    /// Every kommun, by id.
    public var all: [KommunConfig] {
        kommuner.withLock { $0.values.sorted { $0.id < $1.id } }
    }

    /// Reads the folder again; the new kommuner replace the running ones only when every file is valid.
    /// Returns the problems (empty: reloaded).
    @discardableResult
    public func reload() -> [String] {
        switch Self.load(folder, loader: loader) {
        case .success(let loaded):
            kommuner.withLock { $0 = loaded }
            return []
        case .failure(let failure):
            return failure.problems
        }
    }

    /// Why a folder cannot be served.
    public struct LoadFailure: Error, CustomStringConvertible {
        public var problems: [String]
        public var description: String { problems.joined(separator: "\n") }
    }

    private static func load(_ folder: String, loader: KommunConfigLoader) -> Result<[String: KommunConfig], LoadFailure> {
        let catalog: KommunCatalog
        do {
            catalog = try KommunCatalog(directory: folder, loader: loader)
        } catch {
            return .failure(LoadFailure(problems: ["\(error)"]))
        }
        var problems = catalog.files.flatMap { $0.diagnostics.filter { $0.severity == .error }.map(\.headline) } + catalog.diagnostics.map(\.headline)
        if catalog.kommuner.isEmpty, problems.isEmpty { problems.append("\(folder): no kommun files") }
        guard problems.isEmpty else { return .failure(LoadFailure(problems: problems)) }
        return .success(Dictionary(catalog.kommuner.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
