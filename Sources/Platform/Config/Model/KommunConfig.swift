/// Everything a kommun's YAML file says: its organisation, reporters, areas, checklist, cadences and
/// how its lägesbild is made and distributed.
public struct KommunConfig: Sendable, Hashable, Codable {
    /// The version of the file format this platform reads.
    public static let schemaVersion = 1

    public var kommun: KommunInfo
    public var organisations: [Organisation]
    public var organisation: OrganisationModel
    public var reporters: [Reporter]
    public var areas: [Area]
    public var checklist: Checklist
    public var activities: [Activity]
    /// The kommun's lägesbilder, the main one first (most kommuner have only that one).
    public var lagesbilder: [LagesbildConfig]
    public var escalations: [Escalation]
    public var focusAreas: [FocusArea]
    public var activityLists: [ActivityList]

    /// The kommun's id.
    public var id: String { kommun.id }

    /// The kommun's main lägesbild: the only one, or the first of several.
    public var lagesbild: LagesbildConfig {
        get { lagesbilder[0] }
        set { lagesbilder[0] = newValue }
    }

    /// How the kommun sets its priority areas, from whichever lägesbild says (at most one does).
    public var priorities: LagesbildConfig.Priorities? {
        lagesbilder.lazy.compactMap(\.priorities).first
    }

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
        let lagesbilder = Self.lagesbilder(m)
        escalations = m.list("escalations")
        focusAreas = m.list("focusAreas")
        activityLists = m.list("activityLists")
        Self.checkReporters(m)
        guard let kommun, let organisation, let checklist, let lagesbilder else { return nil }
        self.kommun = kommun
        self.organisation = organisation
        self.checklist = checklist
        self.lagesbilder = lagesbilder
    }

    /// `lagesbild:` as one mapping, or a list of them, each with an `id`. Two lägesbilder for the same kind
    /// of period and the same area would make `--period` ambiguous; priorities are set in one at most.
    private static func lagesbilder(_ m: ConfigMapping) -> [LagesbildConfig]? {
        guard let value = m.value("lagesbild") else {
            m.missing("lagesbild")
            return nil
        }
        guard case .sequence = value.node.content else { return value.decode(LagesbildConfig.self).map { [$0] } }
        guard let items = value.items() else { return nil }
        if items.isEmpty { value.error("expected at least one lägesbild") }
        var decoded: [LagesbildConfig] = [], complete = true
        var seen: [String: String] = [:], priorities: String?
        for item in items {
            if case .mapping(let pairs) = item.node.content, !pairs.contains(where: { $0.key.scalar?.text == "id" }) {
                item.error("missing required key 'id' (each of several lägesbilder has one)")
            }
            guard let config = item.decode(LagesbildConfig.self), let id = config.id else {
                complete = false
                continue
            }
            let key = config.period.name + " " + (config.area ?? "")
            if let other = seen[key] {
                item.error("'\(id)' and '\(other)' are both per \(config.period.name) for \(config.area.map { "area '\($0)'" } ?? "the whole kommun"); give them different periods or areas")
            }
            seen[key] = seen[key] ?? id
            if config.priorities != nil {
                if let other = priorities { item.error("priorities are set in '\(other)' already; a kommun sets them once") }
                priorities = priorities ?? id
            }
            decoded.append(config)
        }
        return complete && !decoded.isEmpty ? decoded : nil
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
