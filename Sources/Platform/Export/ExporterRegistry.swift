import Foundation

/// The exporters a process can use, registered once and looked up by id.
///
/// Modelled on swift-log's `LoggingSystem`: `bootstrap` is called once at start-up with the built-ins
/// (a second call is a programming error); ids are unique, so a second exporter with a taken id is refused.
public final class ExporterRegistry: @unchecked Sendable {
    /// Why an exporter could not be registered or found.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Reason: Sendable, Equatable {
            case duplicate(String)
            case unknown(String, known: [String])
        }

        public let reason: Reason

        public init(reason: Reason) {
            self.reason = reason
        }

        public var description: String {
            switch reason {
            case .duplicate(let id): return "an exporter with id '\(id)' is already registered"
            case let .unknown(id, known):
                var text = "unknown format '\(id)' (known: \(known.joined(separator: ", ")))"
                if let suggestion = Suggestion.nearest(to: id, among: known) { text += "; did you mean '\(suggestion)'?" }
                return text
            }
        }
    }

    private let lock = NSLock()
    private var exporters: [any Exporter] = []
    private var bootstrapped = false

    public init() {}

    /// Registers the built-in exporters; may be called once per registry.
    public func bootstrap(_ builtins: [any Exporter]) throws(Failure) {
        lock.lock()
        let already = bootstrapped
        bootstrapped = true
        lock.unlock()
        precondition(!already, "ExporterRegistry.bootstrap may only be called once")
        for exporter in builtins { try register(exporter) }
    }

    /// Adds an exporter; an id that is taken is refused.
    public func register(_ exporter: any Exporter) throws(Failure) {
        lock.lock()
        defer { lock.unlock() }
        guard !exporters.contains(where: { $0.id == exporter.id }) else { throw Failure(reason: .duplicate(exporter.id)) }
        exporters.append(exporter)
    }

    /// Every registered exporter, in registration order.
    public var all: [any Exporter] {
        lock.lock()
        defer { lock.unlock() }
        return exporters
    }

    /// The exporter with `id`.
    public func exporter(_ id: String) throws(Failure) -> any Exporter {
        let all = self.all
        guard let exporter = all.first(where: { $0.id == id }) else {
            throw Failure(reason: .unknown(id, known: all.map(\.id)))
        }
        return exporter
    }
}
