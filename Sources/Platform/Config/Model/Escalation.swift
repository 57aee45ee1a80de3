/// A state a kommun can declare, such as social oro, and what it changes while it lasts.
public struct Escalation: Sendable, Hashable, Codable {
    /// A body or activity that meets at another cadence while the state lasts.
    public struct Change: Sendable, Hashable, Codable {
        /// The id of a body or activity.
        public var target: String
        public var cadence: Cadence
        public var note: String?
    }

    public var id: String
    public var name: String
    public var description: String?
    public var changes: [Change]
}

extension Escalation: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.escalation)
        let name: String? = m.required("name")
        description = m.optional("description")
        changes = m.list("changes", required: true)
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }
}

extension Escalation.Change: ConfigObject {
    init?(from m: ConfigMapping) {
        let target = m.reference("target", to: [.body, .activity], required: true)
        let cadence: Cadence? = m.required("cadence")
        note = m.optional("note")
        guard let target, let cadence else { return nil }
        self.target = target
        self.cadence = cadence
    }
}
