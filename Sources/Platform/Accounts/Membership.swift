/// What a person may do in one kommun.
public struct Membership: Sendable, Hashable {
    public var kommun: String
    public var role: Role
    /// The reporter organisation (an id of the kommun file's `reporters`), for role `.reporter` only.
    public var reporter: String?

    public init(kommun: String, role: Role, reporter: String? = nil) {
        self.kommun = kommun
        self.role = role
        self.reporter = reporter
    }

    /// What is wrong with this membership in `config`'s kommun (empty: nothing): the kommun must be
    /// `config`'s, a reporter needs one of the kommun's `reporters` and no other role may name one.
    public func problems(in config: KommunConfig) -> [String] {
        var problems: [String] = []
        if kommun != config.id { problems.append("kommun: '\(kommun)' is not '\(config.id)'") }
        switch (role, reporter) {
        case (.reporter, nil):
            let known = config.reporters.map(\.id).joined(separator: ", ")
            problems.append("reporter: the role reporter needs the reporter organisation it reports for (one of \(known))")
        case (.reporter, let reporter?):
            let known = config.reporters.map(\.id)
            if !known.contains(reporter) {
                var message = "reporter: \(config.id) has no reporter '\(reporter)' (known: \(known.joined(separator: ", ")))"
                if let suggestion = Suggestion.nearest(to: reporter, among: known) { message += "; did you mean '\(suggestion)'?" }
                problems.append(message)
            }
        case (_, let reporter?):
            problems.append("reporter: only the role reporter is bound to a reporter organisation, not \(role.rawValue) ('\(reporter)')")
        case (_, nil):
            break
        }
        return problems
    }

    /// `lysekil: reporter (polismyndigheten)`.
    public var summary: String {
        "\(kommun): \(role.rawValue)" + (reporter.map { " (\($0))" } ?? "")
    }
}
