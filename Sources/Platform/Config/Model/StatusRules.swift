/// How a cell's and an area's status (green, yellow, orange, red) follow from the period's values, and
/// what the kommun calls each level.
///
/// A count is yellow, orange or red when it is at least `ratio` times its baseline and at least
/// `minExcess` events above it (the highest level that applies wins); otherwise green. A level is rated by
/// `levels` (the answer from which each status applies) when the kommun or the indicator gives them, else
/// by how far up its scale the period's highest answer is: yellow from a third, orange from two thirds,
/// red at the top. An area is as bad as its worst cell, raised by `areas`' rules. The four levels keep
/// their order; a kommun may rename and recolour them (`scale`). Everything can be changed per kommun
/// under `lagesbild.status`.
public struct StatusRules: Sendable, Hashable, Codable {
    /// One threshold for counts.
    public struct Threshold: Sendable, Hashable, Codable {
        public var ratio: Double
        public var minExcess: Double
    }

    /// What the kommun calls one status level and how it is coloured; nil parts keep the default.
    public struct Level: Sendable, Hashable, Codable {
        public var name: LocalizedText?
        /// `#rrggbb`.
        public var colour: String?
    }

    /// The value from which yellow, orange and red apply, rising; a status without one is never reached.
    public struct Thresholds<Value: Comparable & Sendable & Hashable>: Sendable, Hashable {
        public var yellow: Value?
        public var orange: Value?
        public var red: Value?

        /// The status of `value`: the highest whose threshold it reaches, else green.
        public func status(of value: Value) -> Lagesbild.Status {
            for (status, threshold) in [(Lagesbild.Status.red, red), (.orange, orange), (.yellow, yellow)] {
                if let threshold, value >= threshold { return status }
            }
            return .green
        }
    }

    /// From which answer of a level indicator each status applies.
    public typealias LevelThresholds = Thresholds<Int>

    /// How an area's status follows from its cells.
    public struct AreaRules: Sendable, Hashable, Codable {
        /// One rule: the area is at least `status` when it has at least as many cells at or above each
        /// named level as given (every condition must hold).
        public struct Rule: Sendable, Hashable, Codable {
            public var status: Lagesbild.Status
            public var yellow: Int?
            public var orange: Int?
            public var red: Int?
        }

        /// Weighted-score thresholds: the score is Σ indicator weight × the cell's points (green 0,
        /// yellow 1, orange 2, red 3); the area is at least the highest status whose threshold it reaches.
        public typealias Score = Thresholds<Double>

        /// Whether an area is at least as bad as its worst cell (the default).
        public var worstCell: Bool
        public var rules: [Rule]
        public var score: Score?

        /// The worst cell, nothing more.
        public static let standard = AreaRules(worstCell: true, rules: [], score: nil)
    }

    public var yellow: Threshold
    public var orange: Threshold
    public var red: Threshold
    /// The kommun's names and colours per level; missing levels keep the platform's.
    public var scale: [Lagesbild.Status: Level] = [:]
    /// Thresholds for every level indicator that gives none of its own; nil: thirds of the scale.
    public var levels: LevelThresholds?
    public var areas: AreaRules = .standard

    /// yellow: ≥ 1.25 × baseline and ≥ 1 above; orange: ≥ 1.5 × and ≥ 2 above; red: ≥ 2.5 × and ≥ 4 above.
    public static let standard = StatusRules(yellow: Threshold(ratio: 1.25, minExcess: 1),
                                             orange: Threshold(ratio: 1.5, minExcess: 2),
                                             red: Threshold(ratio: 2.5, minExcess: 4))
}

extension StatusRules.Thresholds: Codable where Value: Codable {}

extension Lagesbild.Status: ConfigEnum {
    /// 0 for green to 3 for red: the points a cell gives to an area's weighted score.
    public var rank: Int {
        switch self {
        case .green: 0
        case .yellow: 1
        case .orange: 2
        case .red: 3
        }
    }
}

extension StatusRules {
    /// The platform's colours, as in the HTML lägesbild's style sheet.
    public static let standardColours: [Lagesbild.Status: String] = [.green: "#e4f1dd", .yellow: "#f7d95c", .orange: "#f0913a", .red: "#b3261e"]

    /// The kommun's name for `status` in `language`, else the platform's (`grön`, `green`).
    public func name(_ status: Lagesbild.Status, _ language: Language) -> String {
        scale[status]?.name?.text(language) ?? status.label(language)
    }

    /// The kommun's colour for `status`, else the platform's.
    public func colour(_ status: Lagesbild.Status) -> String {
        scale[status]?.colour ?? Self.standardColours[status]!
    }
}

extension StatusRules.AreaRules {
    /// An area's status from its cells' statuses and their indicators' weights: the worst cell (when
    /// `worstCell`), raised by every rule that holds and by the weighted score.
    public func status(of cells: [(status: Lagesbild.Status, weight: Double)]) -> Lagesbild.Status {
        var result = worstCell ? cells.map(\.status).max() ?? .green : .green
        for rule in rules where rule.holds(for: cells.map(\.status)) { result = max(result, rule.status) }
        if let score {
            result = max(result, score.status(of: cells.reduce(0) { $0 + $1.weight * Double($1.status.rank) }))
        }
        return result
    }
}

extension StatusRules.AreaRules.Rule {
    /// Whether the cells have at least the rule's number at or above each level it names.
    func holds(for statuses: [Lagesbild.Status]) -> Bool {
        [(Lagesbild.Status.yellow, yellow), (.orange, orange), (.red, red)].allSatisfy { level, count in
            count.map { count in statuses.filter { $0 >= level }.count >= count } ?? true
        }
    }
}

extension StatusRules: ConfigObject {
    init?(from m: ConfigMapping) {
        let standard = Self.standard
        yellow = m.optional("yellow") ?? standard.yellow
        orange = m.optional("orange") ?? standard.orange
        red = m.optional("red") ?? standard.red
        if !(yellow.ratio <= orange.ratio && orange.ratio <= red.ratio && yellow.minExcess <= orange.minExcess
             && orange.minExcess <= red.minExcess) {
            m.value.error("status thresholds must rise from yellow to orange to red")
        }
        scale = m.optional("scale", as: ScaleLevels.self)?.levels ?? [:]
        levels = m.optional("levels")
        areas = m.optional("areas") ?? .standard
    }
}

extension StatusRules.Threshold: ConfigObject {
    init?(from m: ConfigMapping) {
        let ratio: Double? = m.required("ratio")
        let minExcess: Double? = m.required("minExcess")
        if let ratio, ratio < 1 { m.value("ratio")?.error("a ratio is at least 1, found \(ratio)") }
        if let minExcess, minExcess < 0 { m.value("minExcess")?.error("minExcess is not negative, found \(minExcess)") }
        guard let ratio, let minExcess else { return nil }
        self.ratio = ratio
        self.minExcess = minExcess
    }
}

extension StatusRules.Level: ConfigObject {
    init?(from m: ConfigMapping) {
        name = m.optional("name")
        colour = m.optional("colour")
        if let colour, !Self.isColour(colour) {
            m.value("colour")?.error("a colour is written '#rrggbb' (e.g. '#f0913a'), found '\(colour)'")
        }
    }

    static func isColour(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}

extension StatusRules.Thresholds: ConfigDecodable, ConfigObject where Value: ConfigDecodable {
    init?(from m: ConfigMapping) {
        yellow = m.optional("yellow")
        orange = m.optional("orange")
        red = m.optional("red")
        let given = [yellow, orange, red].compactMap { $0 }
        if given.isEmpty { m.value.error("give the value from which at least one of yellow, orange, red applies") }
        if given != given.sorted() { m.value.error("thresholds must rise from yellow to orange to red") }
    }
}

extension StatusRules.LevelThresholds {
    /// The thresholds outside `scale`, as problems.
    func problems(on scale: Indicator.Scale) -> [String] {
        [("yellow", yellow), ("orange", orange), ("red", red)].compactMap { key, threshold in
            guard let threshold, threshold < scale.min || threshold > scale.max else { return nil }
            return "\(key): \(threshold) is outside the indicator's scale \(scale.min)–\(scale.max)"
        }
    }
}

/// `scale:` under `lagesbild.status`: a `{name, colour}` per level, each optional.
private struct ScaleLevels: ConfigObject {
    var levels: [Lagesbild.Status: StatusRules.Level] = [:]

    init?(from m: ConfigMapping) {
        // Keys are literals, so each level's key is spelled here; a new status fails to compile until it is.
        for status in Lagesbild.Status.allCases {
            let key: StaticString = switch status {
            case .green: "green"
            case .yellow: "yellow"
            case .orange: "orange"
            case .red: "red"
            }
            if let level: StatusRules.Level = m.optional(key) { levels[status] = level }
        }
    }
}

extension StatusRules.AreaRules: ConfigObject {
    init?(from m: ConfigMapping) {
        worstCell = m.optional("worstCell") ?? true
        rules = m.list("rules")
        score = m.optional("score")
        if let score, [score.yellow, score.orange, score.red].contains(where: { ($0 ?? 1) <= 0 }) {
            m.value("score")?.error("score thresholds are above 0")
        }
        if !worstCell, rules.isEmpty, score == nil {
            m.value.error("with 'worstCell: false' give 'rules' or a 'score', or every area is green")
        }
    }
}

extension StatusRules.AreaRules.Rule: ConfigObject {
    init?(from m: ConfigMapping) {
        let status: Lagesbild.Status? = m.required("status")
        yellow = m.optional("yellow")
        orange = m.optional("orange")
        red = m.optional("red")
        for (key, count): (StaticString, Int?) in [("yellow", yellow), ("orange", orange), ("red", red)] {
            if let count, count < 1 { m.value(key)?.error("a rule counts at least 1 cell, found \(count)") }
        }
        if yellow == nil, orange == nil, red == nil {
            m.value.error("a rule needs at least one of yellow, orange, red: how many cells at or above that level")
        }
        if status == .green { m.value("status")?.error("a rule raises an area to yellow, orange or red, not green") }
        guard let status else { return nil }
        self.status = status
    }
}

extension StatusRules {
    /// The status `text` names: its code (`orange`), the platform's Swedish name (`röd`) or the kommun's name
    /// in either language, in any case; nil when none.
    public func status(named text: String) -> Lagesbild.Status? {
        let wanted = text.trimmingSpaces.lowercased()
        return Lagesbild.Status.allCases.first { status in
            [status.rawValue, name(status, .sv), name(status, .en), status.label(.sv)].contains { $0.lowercased() == wanted }
        }
    }
}
