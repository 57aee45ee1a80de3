import Foundation

/// What is needed to propose an intervention; checked against the kommun's file before it is stored.
public struct InterventionProposal: Sendable, Hashable {
    public var title: String
    public var proposedBy: String
    public var proposedOn: CalendarDate
    public var lagesbildPeriod: String?
    public var areas: [String]
    public var indicators: [String]
    /// Where it came from when imported from a list; a source is imported only once.
    public var source: String?

    /// A proposal; see ``Intervention`` for the fields.
    public init(title: String, proposedBy: String, proposedOn: CalendarDate, lagesbildPeriod: String? = nil,
                areas: [String], indicators: [String], source: String? = nil) {
        self.title = title
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
        self.lagesbildPeriod = lagesbildPeriod
        self.areas = areas
        self.indicators = indicators
        self.source = source
    }

    /// Every problem with the proposal's references, checked against `config`; empty when it is valid.
    public func problems(in config: KommunConfig) -> [String] {
        var problems: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("the title is empty") }
        let references = InterventionReferences(config: config)
        problems += references.body(proposedBy, role: "proposing body")
        if let lagesbildPeriod, Period(lagesbildPeriod) == nil {
            problems.append("'\(lagesbildPeriod)' is not a period (use 2026-W47, 2026-11, 2026-Q4 or 2026)")
        }
        problems += areas.flatMap(references.area)
        problems += indicators.flatMap(references.indicator)
        return problems
    }
}
