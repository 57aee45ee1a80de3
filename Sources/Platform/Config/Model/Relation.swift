/// How a body relates to another body, a role or an organisation.
public struct Relation: Sendable, Hashable, Codable {
    /// The kinds of relation between bodies.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case proposesTo = "proposes-to"
        case decidesFor = "decides-for"
        case reportsTo = "reports-to"
        case partOf = "part-of"
        case informs
        case followsUp = "follows-up"
        case complements, supports
    }

    public var kind: Kind
    /// The id of a body, role or organisation.
    public var target: String
    /// What the relation is about: `prioriteringar och inriktningar`.
    public var about: String?
}

extension Relation: ConfigObject {
    init?(from m: ConfigMapping) {
        let kind: Kind? = m.required("kind")
        let target = m.reference("to", to: EntityKind.parties, required: true)
        about = m.optional("about")
        guard let kind, let target else { return nil }
        self.kind = kind
        self.target = target
    }
}

extension EntityKind {
    /// Bodies, roles and organisations: what relations and the feedback chain point at.
    static let parties: EntityKinds = [.body, .role, .organisation]
}
