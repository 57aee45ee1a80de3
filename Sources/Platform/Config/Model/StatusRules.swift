/// How a cell's status (green, yellow, orange, red) follows from its value and baseline.
///
/// A count is yellow, orange or red when it is at least `ratio` times its baseline and at least
/// `minExcess` events above it (the highest level that applies wins); otherwise green. A level is rated by
/// how far up its scale the period's highest answer is: yellow from a third, orange from two thirds, red
/// at the top. The defaults can be changed per kommun under `lagesbild.status`.
public struct StatusRules: Sendable, Hashable {
    /// One threshold for counts.
    public struct Threshold: Sendable, Hashable {
        public var ratio: Double
        public var minExcess: Double
    }

    public var yellow: Threshold
    public var orange: Threshold
    public var red: Threshold

    /// yellow: ≥ 1.25 × baseline and ≥ 1 above; orange: ≥ 1.5 × and ≥ 2 above; red: ≥ 2.5 × and ≥ 4 above.
    public static let standard = StatusRules(yellow: Threshold(ratio: 1.25, minExcess: 1),
                                             orange: Threshold(ratio: 1.5, minExcess: 2),
                                             red: Threshold(ratio: 2.5, minExcess: 4))
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
