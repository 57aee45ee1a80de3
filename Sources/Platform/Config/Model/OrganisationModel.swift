/// How a kommun organises its safety work: who coordinates, the named roles, and the bodies.
public struct OrganisationModel: Sendable, Hashable, Codable {
    /// The coordinating assignment (koordinerande uppdrag).
    public struct Coordination: Sendable, Hashable, Codable {
        /// The organisation responsible for coordinating.
        public var responsible: String?
        public var description: String?
        /// The roles that share the assignment.
        public var roles: [String]
    }

    /// A named function that bodies, relations and the feedback chain refer to: `kommunchef`.
    public struct Role: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var organisation: String?
        public var description: String?
    }

    public var coordination: Coordination?
    public var roles: [Role]
    public var bodies: [Body]

    /// The role with `id`.
    public func role(_ id: String) -> Role? {
        roles.first { $0.id == id }
    }

    /// The body with `id`.
    public func body(_ id: String) -> Body? {
        bodies.first { $0.id == id }
    }
}

extension OrganisationModel: ConfigObject {
    init?(from m: ConfigMapping) {
        coordination = m.optional("coordination")
        roles = m.list("roles")
        bodies = m.list("bodies", required: true)
    }
}

extension OrganisationModel.Coordination: ConfigObject {
    init?(from m: ConfigMapping) {
        responsible = m.reference("responsible", to: [.organisation])
        description = m.optional("description")
        roles = m.references("roles", to: [.role])
    }
}

extension OrganisationModel.Role: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.role)
        let title: String? = m.required("title")
        organisation = m.reference("organisation", to: [.organisation])
        description = m.optional("description")
        guard let id, let title else { return nil }
        self.id = id
        self.title = title
    }
}
