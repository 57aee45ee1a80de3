/// What a person may do in one kommun; the cases are ordered by power (`reporter < reader < coordinator`).
///
/// A reporter reports for its organisation and sees its own reports; a reader sees lägesbilder,
/// interventions and the calendar; a coordinator also ingests files, decides, sets status and manages the
/// kommun's users and API tokens. See docs/accounts.md.
public enum Role: String, Sendable, CaseIterable, Comparable {
    case reporter, reader, coordinator

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
