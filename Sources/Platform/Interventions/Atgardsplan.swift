/// The kommun's åtgärdsplan for a year (lag 2023:196): the priority areas decided for the year's periods and
/// the interventions decided, under way, ended or proposed in it, each with its latest follow-up.
public struct Atgardsplan: Sendable, Hashable {
    /// One intervention in the plan with its history.
    public struct Entry: Sendable, Hashable {
        public var intervention: Intervention
        public var events: [InterventionEvent]

        /// The latest follow-up, if any.
        public var lastFollowUp: InterventionEvent? { events.last { $0.kind == .followUp } }
    }

    public var config: KommunConfig
    public var year: Int
    /// Priority decisions in force for periods within the year, in period order.
    public var priorities: [PriorityDecision]
    /// Decided interventions under way at some time in the year, or ended in it.
    public var decided: [Entry]
    /// Interventions proposed in the year and not (yet) decided.
    public var proposed: [Entry]

    /// The plan for `year` from everything stored for the kommun.
    public init(config: KommunConfig, year: Int, priorities: [PriorityDecision], entries: [Entry]) {
        self.config = config
        self.year = year
        let first = CalendarDate(year: year, month: 1, day: 1)!, last = CalendarDate(year: year, month: 12, day: 31)!
        var inForce: [Period: PriorityDecision] = [:]
        for decision in priorities where decision.period.start <= last && decision.period.end >= first {
            inForce[decision.period] = decision
        }
        self.priorities = inForce.values.sorted { $0.period < $1.period }
        decided = entries.filter { entry in
            let item = entry.intervention
            guard item.status != .proposed, let start = item.start else { return false }
            return start <= last && (item.endedOn ?? last) >= first
        }
        proposed = entries.filter { $0.intervention.status == .proposed && $0.intervention.proposedOn.year == year }
    }

    /// The store's interventions and priorities for `config`'s kommun, as a plan for `year`.
    public init(store: any InterventionStore & PriorityStore, config: KommunConfig, year: Int) throws {
        let entries = try store.interventions(kommun: config.id).map { item in
            Entry(intervention: item, events: try store.intervention(item.id, kommun: config.id).1)
        }
        self.init(config: config, year: year, priorities: try store.priorityDecisions(kommun: config.id), entries: entries)
    }

    /// An area's name, or its id when the file no longer has it.
    public func areaName(_ id: String) -> String {
        config.area(id)?.name ?? id
    }

    /// An indicator's name in `language` (Swedish by default), or its id.
    public func indicatorName(_ id: String, _ language: Language = .sv) -> String {
        config.checklist.indicator(id)?.name.text(language) ?? id
    }
}
