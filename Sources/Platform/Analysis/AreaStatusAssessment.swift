/// A status that a body of the kommun set for an area, with its reason: the assessed status a lägesbild
/// shows beside the computed one. Stored append-only; the latest one set on or before a day is the area's
/// assessed status that day.
public struct AreaStatusAssessment: Sendable, Hashable {
    public var area: String
    public var status: Lagesbild.Status
    /// The id of the body that assessed it.
    public var body: String
    /// The day it applies from.
    public var date: CalendarDate
    /// Free text, never personal data.
    public var reason: String

    public init(area: String, status: Lagesbild.Status, body: String, date: CalendarDate, reason: String) {
        self.area = area
        self.status = status
        self.body = body
        self.date = date
        self.reason = reason
    }

    /// Why `area` is not an area of `config`'s kommun (with the nearest known id), or nil when it is.
    public static func unknownArea(_ area: String, in config: KommunConfig) -> String? {
        InterventionReferences(config: config).area(area).first
    }

    /// What is wrong with it for `config`'s kommun: an unknown area or body (with the nearest known id), an
    /// empty reason, or personal data in the reason (named by kind, never shown).
    public func problems(in config: KommunConfig) -> [String] {
        let references = InterventionReferences(config: config)
        var problems = references.area(area) + references.body(body, role: "assessing body")
        let text = reason.trimmingSpaces
        if text.isEmpty { problems.append("an assessed status needs a reason: why the area is \(status.rawValue)") }
        let findings = PrivacyGuard.findings(in: text)
        if !findings.isEmpty {
            problems.append("the reason holds " + findings.map(\.label).joined(separator: " and ")
                + "; personal data is never stored: describe the place, not persons")
        }
        return problems
    }
}
