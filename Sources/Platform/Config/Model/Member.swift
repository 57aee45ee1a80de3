/// A function that takes part in a body or an activity: a role, and the organisation it comes from.
public struct Member: Sendable, Hashable, Codable {
    /// How a member takes part.
    public enum Attendance: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        /// Always (the default).
        case regular
        /// When there is reason to (vid förekommen anledning).
        case asNeeded = "as-needed"
        /// Co-opted when needed (adjungerad).
        case adjunct
    }

    /// The function, as the kommun writes it: `Säkerhetsstrateg`.
    public var role: String
    public var organisation: String?
    /// The ordförande.
    public var isChair: Bool
    /// The sammankallande.
    public var isConvener: Bool
    public var attendance: Attendance
    /// How many, when several of the same function take part.
    public var count: Int?
}

extension Member: ConfigObject {
    init?(from m: ConfigMapping) {
        let role: String? = m.required("role")
        organisation = m.reference("organisation", to: [.organisation])
        isChair = m.optional("chair") ?? false
        isConvener = m.optional("convener") ?? false
        attendance = m.optional("attendance") ?? .regular
        count = m.optional("count")
        if let count, count < 1 { m.value("count")?.error("a count is at least 1, found \(count)") }
        guard let role else { return nil }
        self.role = role
    }
}
