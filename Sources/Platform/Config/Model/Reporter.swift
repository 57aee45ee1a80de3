/// An organisation that reports to the lägesbild. Its id is the organisation's, and is what report
/// files name in their `reporter` column.
public struct Reporter: Sendable, Hashable {
    public var organisation: String
    /// The function who reports: `Kommunpolis`.
    public var contact: String?
    /// Whether a report is expected every period, so that a missing one shows in the completeness section.
    public var expected: Bool
    /// The areas it reports on; empty for the whole kommun.
    public var areas: [String]

    public var id: String { organisation }
}

extension Reporter: ConfigObject {
    init?(from m: ConfigMapping) {
        let organisation = m.reference("organisation", to: [.organisation], required: true)
        contact = m.optional("contact")
        expected = m.optional("expected") ?? true
        areas = m.references("areas", to: [.area])
        guard let organisation else { return nil }
        self.organisation = organisation
    }
}
