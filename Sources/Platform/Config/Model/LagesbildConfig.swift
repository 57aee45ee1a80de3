/// How the kommun's lägesbild is made and distributed.
public struct LagesbildConfig: Sendable, Hashable {
    /// The reporting period.
    public enum PeriodKind: String, Sendable, Hashable, CaseIterable, ConfigEnum {
        case week, month
    }

    /// One step of the feedback chain (återkoppling).
    public struct FeedbackStep: Sendable, Hashable {
        /// The id of a body, role or organisation.
        public var from: String
        /// The id of a body, role or organisation, or `reporters` for every reporter.
        public var to: String
        public var about: String?
    }

    /// How priority areas are chosen.
    public struct Priorities: Sendable, Hashable {
        /// How often priorities are set.
        public enum Period: String, Sendable, Hashable, CaseIterable, ConfigEnum {
            case month, quarter, tertial, year
        }

        public var period: Period
        /// How many areas are prioritised.
        public var areas: Int
        public var proposedBy: String?
        public var decidedBy: String?
    }

    /// The keyword for "every reporter" in the feedback chain.
    public static let allReporters = "reporters"

    public var period: PeriodKind
    public var compiledBy: String
    public var analysedBy: String?
    /// The body that reads the lägesbild at its meeting; reports are due before it meets.
    public var readBy: String?
    /// How reporters hand in their reports.
    public var channel: String?
    /// The working steps, in order.
    public var steps: [String]
    /// The feedback chain, in order.
    public var feedback: [FeedbackStep]
    public var priorities: Priorities?
    /// How cells get their status level.
    public var status: StatusRules
}

extension LagesbildConfig: ConfigObject {
    init?(from m: ConfigMapping) {
        let period: PeriodKind? = m.required("period")
        let compiledBy = m.reference("compiledBy", to: EntityKind.parties, required: true)
        analysedBy = m.reference("analysedBy", to: EntityKind.parties)
        readBy = m.reference("readBy", to: [.body])
        channel = m.optional("channel")
        steps = m.list("steps")
        feedback = m.list("feedback")
        priorities = m.optional("priorities")
        status = m.optional("status") ?? .standard
        guard let period, let compiledBy else { return nil }
        self.period = period
        self.compiledBy = compiledBy
    }
}

extension LagesbildConfig.FeedbackStep: ConfigObject {
    init?(from m: ConfigMapping) {
        let from = m.reference("from", to: EntityKind.parties, required: true)
        let to = m.reference("to", to: EntityKind.parties, keywords: [LagesbildConfig.allReporters], required: true)
        about = m.optional("about")
        guard let from, let to else { return nil }
        self.from = from
        self.to = to
    }
}

extension LagesbildConfig.Priorities: ConfigObject {
    init?(from m: ConfigMapping) {
        let period: Period? = m.required("period")
        let areas: Int? = m.required("areas")
        proposedBy = m.reference("proposedBy", to: EntityKind.parties)
        decidedBy = m.reference("decidedBy", to: EntityKind.parties)
        if let areas, areas < 1 { m.value("areas")?.error("at least 1 area is prioritised, found \(areas)") }
        guard let period, let areas else { return nil }
        self.period = period
        self.areas = areas
    }
}
