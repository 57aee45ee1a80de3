/// An organisation that reports to the lägesbild. Its id is the organisation's, and is what report
/// files name in their `reporter` column.
public struct Reporter: Sendable, Hashable, Codable {
    /// What a reporter delivers: the kommun file's `source`.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        /// The weekly checklist: events and answers dated by day or ISO week; expected by default and counted
        /// for completeness. Every value, status and score of a lägesbild is made of these.
        case observations
        /// Counts from a register (police-reported crimes), per area, dated by a day or any period
        /// (`2026-11`, `2026-W47`, `2026-Q4`, `2026`); shown beside the observations, never summed into them.
        case statistics
        /// Reports from residents (an e-service, a digital trygghetsvandring), dated like observations; never
        /// expected, shown beside the observations.
        case `public`

        /// Whether a reporter of this source can be expected, and so missing.
        public var canBeExpected: Bool { self == .observations }
    }

    public var organisation: String
    /// The function who reports: `Kommunpolis`.
    public var contact: String?
    /// What the reporter delivers; `observations` unless the file says otherwise.
    public var source: Source = .observations
    /// Whether a report is expected every period, so that a missing one shows in the completeness section.
    /// Always false for statistics and public reporters.
    public var expected: Bool
    /// The areas it reports on; empty for the whole kommun.
    public var areas: [String]

    public var id: String { organisation }
}

extension Reporter: ConfigObject {
    init?(from m: ConfigMapping) {
        let organisation = m.reference("organisation", to: [.organisation], required: true)
        contact = m.optional("contact")
        source = m.optional("source") ?? .observations
        let expected: Bool? = m.optional("expected")
        if expected == true, !source.canBeExpected, let value = m.value("expected") {
            value.error("a reporter with source '\(source.rawValue)' is never expected; remove 'expected' (only observations count for completeness)")
        }
        self.expected = source.canBeExpected ? expected ?? true : false
        areas = m.references("areas", to: [.area])
        guard let organisation else { return nil }
        self.organisation = organisation
    }
}
