import Foundation
import Logging
import Platform
import Synchronization

/// swift-log handler writing one JSON object per line to standard error (timestamp, level, label,
/// message and metadata), for journald and log shippers. Written here because swift-log ships only a
/// plain-text handler and no listed package has a JSON one.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let clock: @Sendable () -> Date
    private static let output = Mutex(FileHandle.standardError)

    public init(label: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.label = label
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: String] = ["time": Timestamp.text(clock()), "level": event.level.rawValue, "label": label,
                                        "message": "\(event.message)"]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key == "hb.request.id" ? "request_id" : key] = "\(value)"
        }
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        Self.output.withLock { $0.write(line) }
    }
}
