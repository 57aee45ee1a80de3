/// Everything a kommun's YAML file says: its organisation, reporters, areas, checklist, cadences and
/// how its lägesbild is made and distributed.
public struct KommunConfig: Sendable, Hashable {
    /// The version of the file format this platform reads.
    public static let schemaVersion = 1

    public var kommun: KommunInfo
    public var organisations: [Organisation]
    public var organisation: OrganisationModel
    public var reporters: [Reporter]
    public var areas: [Area]
    public var checklist: Checklist
    public var activities: [Activity]
    public var lagesbild: LagesbildConfig
    public var escalations: [Escalation]
    public var focusAreas: [FocusArea]
    public var activityLists: [ActivityList]

    /// The kommun's id.
    public var id: String { kommun.id }

    /// Every area, depth first.
    public var allAreas: [Area] { areas.flatMap(\.flattened) }

    public func organisation(_ id: String) -> Organisation? {
        organisations.first { $0.id == id }
    }

    /// A display name for the id of a body, role or organisation.
    public func partyName(_ id: String) -> String {
        organisation.body(id)?.name ?? organisation.role(id)?.title ?? organisation(id)?.name ?? id
    }
}

extension KommunConfig: ConfigObject {
    init?(from m: ConfigMapping) {
        let version: Int? = m.required("schemaVersion")
        if let version, version != Self.schemaVersion {
            m.value("schemaVersion")?.error("this platform reads schemaVersion \(Self.schemaVersion), found \(version)")
        }
        let kommun: KommunInfo? = m.required("kommun")
        organisations = m.list("organisations", required: true)
        let organisation: OrganisationModel? = m.required("organisation")
        reporters = m.list("reporters", required: true)
        areas = m.list("areas", required: true)
        let checklist: Checklist? = m.required("checklist")
        activities = m.list("activities")
        let lagesbild: LagesbildConfig? = m.required("lagesbild")
        escalations = m.list("escalations")
        focusAreas = m.list("focusAreas")
        activityLists = m.list("activityLists")
        Self.checkReporters(m)
        guard let kommun, let organisation, let checklist, let lagesbild else { return nil }
        self.kommun = kommun
        self.organisation = organisation
        self.checklist = checklist
        self.lagesbild = lagesbild
    }

    /// A reporter listed twice would count twice in completeness.
    private static func checkReporters(_ m: ConfigMapping) {
        guard let items = m.value("reporters")?.node, case .sequence(let nodes) = items.content else { return }
        var seen: [String: Mark] = [:]
        for (index, node) in nodes.enumerated() {
            guard case .mapping(let pairs) = node.content,
                  let value = pairs.first(where: { $0.key.scalar?.text == "organisation" })?.value,
                  let id = value.scalar?.text else { continue }
            if let first = seen[id] {
                m.context.error("reporter '\(id)' is listed twice (first at \(first))", at: value.mark,
                                path: "reporters[\(index)].organisation")
            } else {
                seen[id] = value.mark
            }
        }
    }
}
