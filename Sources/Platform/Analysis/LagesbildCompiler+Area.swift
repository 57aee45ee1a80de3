/// An area's lägesbild: the area and the areas below it (their cells, hotspots, scores, history and
/// notes), the reporters who cover it, the meetings of its own bodies and activities and of the body that
/// reads the lägesbild, and the interventions in it or for the whole kommun.
extension LagesbildCompiler {
    /// What one lägesbild covers: the whole kommun, or one area and the areas below it.
    struct Scope {
        /// The area; nil for the whole kommun.
        var area: Area?
        /// The areas shown, depth first, with their parent and depth: the scope's area is the top one, at
        /// depth 0 without a parent, as the lägesbild's contract has it.
        var areas: [(Area, String?, Int)]
        var config: KommunConfig
        /// The body that reads the lägesbild, else the one that compiles it.
        var reader: String

        /// Whether the area `id` is shown.
        func contains(_ id: String) -> Bool {
            area == nil || areas.contains { $0.0.id == id }
        }

        /// The meetings of bodies and activities of the area, and of the body that reads the lägesbild
        /// (else compiles it); every meeting for the whole kommun.
        func shows(_ meeting: Meeting) -> Bool {
            guard let area else { return true }
            return meeting.source == reader
                || config.belongs(config.area(ofParty: meeting.source), to: area.id)
        }

        /// Interventions in one of the areas shown, or for the whole kommun.
        func shows(_ intervention: Intervention) -> Bool {
            intervention.areas.isEmpty || intervention.areas.contains(where: contains)
        }

        /// The decision with only the areas shown; nil when none of its areas is.
        func shows(_ decision: PriorityDecision) -> PriorityDecision? {
            var decision = decision
            decision.areas = decision.areas.filter(contains)
            return decision.areas.isEmpty ? nil : decision
        }
    }

    /// The scope of `area`, else of the lägesbild's own area; an area the kommun file does not have is an
    /// error naming the nearest one.
    func scope(of lagesbild: LagesbildConfig) throws -> Scope {
        let reader = lagesbild.readBy ?? lagesbild.compiledBy
        guard let id = area ?? lagesbild.area else {
            return Scope(area: nil, areas: Self.flatten(config.areas), config: config, reader: reader)
        }
        let area = try config.requireArea(id)
        return Scope(area: area, areas: Self.flatten([area]), config: config, reader: reader)
    }
}
