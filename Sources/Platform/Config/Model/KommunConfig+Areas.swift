/// Areas as scopes: which areas lie within another, and what belongs to an area (a body, an activity, an
/// escalation declared in one district, a reporter, a lägesbild).
extension KommunConfig {
    /// Why an area id could not be used.
    public struct UnknownArea: Error, Sendable, Hashable, CustomStringConvertible {
        public var id: String
        public var kommun: String
        public var suggestion: String?

        public var description: String {
            "\(kommun)'s file has no area '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        }
    }

    /// The area with `id`, anywhere in the tree.
    public func area(_ id: String) -> Area? {
        allAreas.first { $0.id == id }
    }

    /// The area with `id`; an unknown id is an error naming the nearest known one.
    public func requireArea(_ id: String) throws(UnknownArea) -> Area {
        guard let area = area(id) else {
            throw UnknownArea(id: id, kommun: self.id, suggestion: Suggestion.nearest(to: id, among: allAreas.map(\.id)))
        }
        return area
    }

    /// `id` and every area below it.
    public func areaIDs(within id: String) -> Set<String> {
        Set(area(id)?.flattened.map(\.id) ?? [])
    }

    /// The areas above `id`, nearest first.
    public func ancestors(of id: String) -> [String] {
        func path(in areas: [Area]) -> [String]? {
            for area in areas {
                if area.id == id { return [] }
                if let below = path(in: area.areas) { return below + [area.id] }
            }
            return nil
        }
        return path(in: areas) ?? []
    }

    /// Whether something of area `own` (nil: the whole kommun) belongs to the scope `scope` (nil: the
    /// whole kommun): the scope is the whole kommun, or `own` is the scope or lies below it.
    public func belongs(_ own: String?, to scope: String?) -> Bool {
        guard let scope else { return true }
        guard let own else { return false }
        return own == scope || ancestors(of: own).contains(scope)
    }

    /// The area of a body or activity, by id; nil for the whole kommun or an unknown id.
    public func area(ofParty id: String) -> String? {
        organisation.body(id)?.area ?? activities.first { $0.id == id }?.area
    }

    /// The changes a declared escalation makes: those of its escalation in the file whose target (a body
    /// or activity) belongs to the area it is declared in; every change when declared for the whole kommun.
    public func changes(raisedBy declared: DeclaredEscalation) -> [Escalation.Change] {
        escalations.filter { $0.id == declared.escalation }.flatMap(\.changes)
            .filter { belongs(area(ofParty: $0.target), to: declared.area) }
    }

    /// Whether `reporter` reports on `scope`: it covers the whole kommun, or one of its areas is the
    /// scope, above it or below it.
    public func covers(_ reporter: Reporter, _ scope: String?) -> Bool {
        guard let scope, !reporter.areas.isEmpty else { return true }
        let above = Set(ancestors(of: scope))
        return reporter.areas.contains { $0 == scope || above.contains($0) || ancestors(of: $0).contains(scope) }
    }
}
