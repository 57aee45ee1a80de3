/// A list of decided activities that bodies follow up, such as Lysekil's medborgardialog list.
public struct ActivityList: Sendable, Hashable, Codable {
    /// One activity on the list.
    public struct Item: Sendable, Hashable, Codable {
        /// How far an item has come.
        public enum Status: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
            case proposed, decided, ongoing, done
        }

        public var id: String
        public var name: String
        public var status: Status
        /// The area the item is about; nil for the whole kommun.
        public var area: String?
    }

    public var id: String
    public var name: String
    /// Where the list comes from.
    public var origin: String?
    /// The bodies that follow the list up.
    public var followedUpBy: [String]
    public var items: [Item]
}

extension ActivityList: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.activityList)
        let name: String? = m.required("name")
        origin = m.optional("origin")
        followedUpBy = m.references("followedUpBy", to: [.body])
        items = m.list("items", required: true)
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }
}

extension ActivityList.Item: ConfigObject {
    init?(from m: ConfigMapping) {
        let id: String? = m.required("id", as: Identifier.self)?.rawValue
        let name: String? = m.required("name")
        let status: Status? = m.required("status")
        area = m.reference("area", to: [.area])
        guard let id, let name, let status else { return nil }
        self.id = id
        self.name = name
        self.status = status
    }
}
