/// One item on the checklist: what reporters count or rate.
public struct Indicator: Sendable, Hashable, Codable {
    /// How a value is measured.
    public enum Measure: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        /// A count of events.
        case count
        /// A level on the indicator's scale.
        case level
    }

    /// The scale of a `level` indicator.
    public struct Scale: Sendable, Hashable, Codable {
        public var min: Int
        public var max: Int
        /// One label per step, when given.
        public var labels: [String]
    }

    public var id: String
    public var name: LocalizedText
    public var category: String
    public var description: String?
    public var measure: Measure
    public var scale: Scale?
    /// Weight in area scores, 1 by default.
    public var weight: Double
    /// From which answer each status applies, for a level indicator; nil: the kommun's `lagesbild.status.levels`.
    public var statusLevels: StatusRules.LevelThresholds?
}

extension Indicator: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.indicator)
        let name: LocalizedText? = m.required("name")
        let category = m.reference("category", to: [.category], required: true)
        description = m.optional("description")
        let measure: Measure? = m.required("measure")
        scale = m.optional("scale")
        weight = m.optional("weight") ?? 1
        statusLevels = m.optional("statusLevels")
        if statusLevels != nil, measure == .count {
            m.value("statusLevels")?.error("'statusLevels' goes with 'measure: level'; a count's status follows lagesbild.status")
        } else if let statusLevels, let scale {
            for problem in statusLevels.problems(on: scale) { m.value("statusLevels")?.error(problem) }
        }
        if weight <= 0 { m.value("weight")?.error("a weight is a positive number, found \(weight)") }
        if measure == .level, scale == nil, !m.has("scale") {
            m.value.error("an indicator measured as 'level' needs a 'scale'")
        }
        if measure == .count, m.has("scale") {
            m.value("scale")?.error("'scale' goes with 'measure: level'; a count has no scale")
        }
        guard let id, let name, let category, let measure else { return nil }
        self.id = id
        self.name = name
        self.category = category
        self.measure = measure
    }
}

extension Indicator.Scale: ConfigObject {
    init?(from m: ConfigMapping) {
        let min: Int? = m.required("min")
        let max: Int? = m.required("max")
        labels = m.list("labels")
        guard let min, let max else { return nil }
        guard min < max else {
            m.value("max")?.error("a scale's max must be greater than its min (\(min))")
            return nil
        }
        if !labels.isEmpty, labels.count != max - min + 1 {
            m.value("labels")?.error("a scale from \(min) to \(max) needs \(max - min + 1) labels, found \(labels.count)")
        }
        self.min = min
        self.max = max
    }
}
