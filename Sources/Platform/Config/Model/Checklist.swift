/// The EST checklist: the indicators reporters answer, grouped in categories.
public struct Checklist: Sendable, Hashable, Codable {
    /// A group of indicators.
    public struct Category: Sendable, Hashable, Codable {
        public var id: String
        public var name: LocalizedText
        public var description: String?
    }

    /// The version stamped on every stored report, so old reports stay readable after the list changes.
    public var version: String
    public var categories: [Category]
    public var indicators: [Indicator]

    public func indicator(_ id: String) -> Indicator? {
        indicators.first { $0.id == id }
    }
}

extension Checklist: ConfigObject {
    init?(from m: ConfigMapping) {
        let version: String? = m.required("version")
        categories = m.list("categories", required: true)
        indicators = m.list("indicators", required: true)
        guard let version else { return nil }
        self.version = version
    }
}

extension Checklist.Category: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.category)
        let name: LocalizedText? = m.required("name")
        description = m.optional("description")
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }
}
