/// An actor in the safety work: a förvaltning, a company, the police, the rescue service …
public struct Organisation: Sendable, Hashable, Codable {
    /// What sort of actor an organisation is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case kommunOffice = "kommun-office"
        case forvaltning, unit
        case municipalCompany = "municipal-company"
        case housingCompany = "housing-company"
        case utilityCompany = "utility-company"
        case police
        case rescueService = "rescue-service"
        case securityFirm = "security-firm"
        case school, association, business, `public`, other
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// The organisation it belongs to.
    public var partOf: String?
}

extension Organisation: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.organisation)
        let name: String? = m.required("name")
        let kind: Kind? = m.required("kind")
        partOf = m.reference("partOf", to: [.organisation])
        guard let id, let name, let kind else { return nil }
        self.id = id
        self.name = name
        self.kind = kind
    }
}
