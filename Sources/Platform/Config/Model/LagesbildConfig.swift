/// How one of the kommun's lägesbilder is made and distributed: its period, its area, who compiles and
/// reads it, and its feedback chain. A kommun has one, or several (a monthly lägesbild and a tertial
/// analysis; one per local group, each for its own area).
public struct LagesbildConfig: Sendable, Hashable, Codable {
    /// One step of the feedback chain (återkoppling).
    public struct FeedbackStep: Sendable, Hashable, Codable {
        /// The id of a body, role or organisation.
        public var from: String
        /// The id of a body, role or organisation, or `reporters` for every reporter.
        public var to: String
        public var about: String?
    }

    /// How priority areas are chosen.
    public struct Priorities: Sendable, Hashable, Codable {
        /// How much each part of an area's score counts when priorities are proposed; see docs/insatser.md.
        public struct Weights: Sendable, Hashable, Codable {
            /// Weighted events in the previous period.
            public var volume: Double
            /// Change of the weighted events against the baseline.
            public var trend: Double
            /// Share of the weighted events from indicators weighted above 1.
            public var severity: Double

            /// Every part counts the same.
            public static let equal = Weights(volume: 1, trend: 1, severity: 1)
        }

        /// How often priorities are set: any kind of period, weeks included.
        public var period: Period.Kind
        /// How many areas are prioritised.
        public var areas: Int
        public var proposedBy: String?
        public var decidedBy: String?
        /// How the proposal's score is weighted; equal when not given.
        public var weights: Weights = .equal
    }

    /// The keyword for "every reporter" in the feedback chain.
    public static let allReporters = "reporters"

    /// The id that tells this lägesbild from the kommun's others (`tertialanalys`); nil when the kommun
    /// file gives a single lägesbild.
    public var id: String?
    /// What the lägesbild is called, when it is one of several (`Tertialanalys`).
    public var name: String?
    /// The area the lägesbild is for (with its sub-areas); nil for the whole kommun.
    public var area: String?
    /// The period it is compiled for.
    public var period: Period.Kind
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
        id = m.has("id") ? m.id(.lagesbild) : nil
        name = m.optional("name")
        area = m.reference("area", to: [.area])
        let period: Period.Kind? = m.required("period")
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
        let period: Period.Kind? = m.required("period")
        let areas: Int? = m.required("areas")
        proposedBy = m.reference("proposedBy", to: EntityKind.parties)
        decidedBy = m.reference("decidedBy", to: EntityKind.parties)
        weights = m.optional("weights") ?? .equal
        if let areas, areas < 1 { m.value("areas")?.error("at least 1 area is prioritised, found \(areas)") }
        guard let period, let areas else { return nil }
        self.period = period
        self.areas = areas
    }
}

extension LagesbildConfig.Priorities.Weights: ConfigObject {
    init?(from m: ConfigMapping) {
        volume = m.optional("volume") ?? 1
        trend = m.optional("trend") ?? 1
        severity = m.optional("severity") ?? 1
        for (key, value): (StaticString, Double) in [("volume", volume), ("trend", trend), ("severity", severity)] where value < 0 {
            m.value(key)?.error("a weight is 0 or more, found \(value)")
        }
        if volume + trend + severity <= 0 { m.value.error("at least one weight must be above 0") }
    }
}
