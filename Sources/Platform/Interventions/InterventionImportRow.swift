/// One intervention read from an import file or a list in the kommun's file: a proposal and, when the row
/// says so, its decision.
public struct InterventionImportRow: Sendable, Hashable {
    /// The line the row starts on, for error messages; nil when it does not come from a file.
    public var line: Int?
    public var proposal: InterventionProposal
    public var decision: InterventionDecision?

    /// A row; see ``InterventionProposal`` and ``InterventionDecision``.
    public init(line: Int?, proposal: InterventionProposal, decision: InterventionDecision?) {
        self.line = line
        self.proposal = proposal
        self.decision = decision
    }

    /// Every problem with the row, each prefixed with `line N: ` when the line is known.
    public func problems(in config: KommunConfig) -> [String] {
        var problems = proposal.problems(in: config) + (decision?.problems(in: config) ?? [])
        if let decision, decision.decidedOn < proposal.proposedOn {
            problems.append("decided on \(decision.decidedOn), before it was proposed on \(proposal.proposedOn)")
        }
        return problems.map { message in line.map { "line \($0): \(message)" } ?? message }
    }
}
