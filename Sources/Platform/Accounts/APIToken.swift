import Foundation

/// A system's key to one kommun's API; its secret is shown once and only its SHA-256 is stored.
public struct APIToken: Sendable, Hashable {
    public var id: Int64
    public var kommun: String
    /// A token bound to one reporter organisation may only deliver as it.
    public var reporter: String?
    public var name: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: Int64, kommun: String, reporter: String?, name: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.kommun = kommun
        self.reporter = reporter
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
