import Foundation

/// Checks the ids an intervention refers to against the kommun's file, with messages that list what is known.
struct InterventionReferences {
    let config: KommunConfig

    func body(_ id: String, role: String) -> [String] {
        guard config.organisation.body(id) == nil else { return [] }
        return ["unknown \(role) '\(id)'\(Self.hint(id, config.organisation.bodies.map(\.id)))"]
    }

    func party(_ id: String, role: String) -> [String] {
        guard config.organisation.body(id) == nil, config.organisation.role(id) == nil, config.organisation(id) == nil else { return [] }
        return ["unknown \(role) '\(id)': not a body, role or organisation in \(config.id)'s file"]
    }

    func area(_ id: String) -> [String] {
        guard !config.allAreas.contains(where: { $0.id == id }) else { return [] }
        return ["unknown area '\(id)'\(Self.hint(id, config.allAreas.map(\.id)))"]
    }

    func indicator(_ id: String) -> [String] {
        guard config.checklist.indicator(id) == nil else { return [] }
        return ["unknown indicator '\(id)'\(Self.hint(id, config.checklist.indicators.map(\.id)))"]
    }

    /// ` (did you mean 'x'?)` for a likely typo or a known id ending in `-id` (`centrum` → `lysekil-centrum`), else ` (known: a, b, c)`, the first few when there are many.
    private static func hint(_ id: String, _ known: [String]) -> String {
        if let nearest = Suggestion.nearest(to: id, among: known) ?? known.first(where: { $0.hasSuffix("-" + id) }) {
            return " (did you mean '\(nearest)'?)"
        }
        let shown = known.prefix(12).joined(separator: ", ")
        return " (known: \(shown)\(known.count > 12 ? ", …" : ""))"
    }
}
