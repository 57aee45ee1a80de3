/// A group in the safety work: a steering group, a team, a unit, a committee, a working group.
public struct Body: Sendable, Hashable, Codable {
    /// What sort of group a body is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case steeringGroup = "steering-group"
        case managementGroup = "management-group"
        case team, unit, committee
        case workingGroup = "working-group"
        case council, network, board
    }

    public var id: String
    public var name: String
    /// `KLG`, `TSK`.
    public var shortName: String?
    public var kind: Kind
    public var purpose: String?
    public var tasks: [String]
    public var members: [Member]
    public var relations: [Relation]
    public var cadence: Cadence?
    /// The area the body works in, such as the local EST group of one district; nil for the whole kommun.
    public var area: String?
    public var notes: String?

    /// The members who chair the body.
    public var chairs: [Member] { members.filter(\.isChair) }
    /// The members who convene the body.
    public var conveners: [Member] { members.filter(\.isConvener) }
}

extension Body: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.body)
        let name: String? = m.required("name")
        shortName = m.optional("shortName")
        let kind: Kind? = m.required("kind")
        purpose = m.optional("purpose")
        tasks = m.list("tasks")
        members = m.list("members")
        relations = m.list("relations")
        cadence = m.optional("cadence")
        area = m.reference("area", to: [.area])
        notes = m.optional("notes")
        guard let id, let name, let kind else { return nil }
        self.id = id
        self.name = name
        self.kind = kind
    }
}
