/// A prioritised focus area decided by a body (Lysekil's fokusområden 2021).
public struct FocusArea: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var description: String?
    public var decidedBy: String?
    public var year: Int?
}

extension FocusArea: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.focusArea)
        let name: String? = m.required("name")
        description = m.optional("description")
        decidedBy = m.reference("decidedBy", to: [.body])
        year = m.optional("year")
        guard let id, let name else { return nil }
        self.id = id
        self.name = name
    }
}
