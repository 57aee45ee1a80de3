/// The sources other than observations in a lägesbild: per cell, and per source for the whole period.
extension Lagesbild {
    /// One cell's values from the sources other than observations; a source without a row here is nil
    /// (no data), which is not 0.
    public struct SourceValues: Sendable, Hashable, Codable {
        /// The statistics shown (`SourceSummary.periods`): counts summed, levels' highest.
        public var statistics: Double?
        /// Reports from the public dated in the period.
        public var `public`: Double?

        public init(statistics: Double? = nil, public: Double? = nil) {
            self.statistics = statistics
            self.public = `public`
        }

        /// The value of the source named `source` (`statistics` or `public`; a `SourceSummary.source`).
        public func value(of source: String) -> Double? {
            switch Reporter.Source(rawValue: source) {
            case .statistics: statistics
            case .public: self.public
            case .observations, nil: nil
            }
        }
    }

    /// One source other than observations, as this lägesbild shows it.
    public struct SourceSummary: Sendable, Hashable, Codable {
        /// `statistics` or `public`.
        public var source: String
        /// `Statistik`, `Allmänheten`, in the lägesbild's language.
        public var name: String
        /// The periods the shown rows are dated by (`2026-10`, or days and weeks within the lägesbild's period),
        /// oldest first; empty when nothing is stored.
        public var periods: [String]
        /// What the shown rows cover, for a heading: the lägesbild's period (`vecka 47 2026`) when they lie
        /// within it, else their own (`oktober 2026`).
        public var label: String
        /// False when the rows are not of the lägesbild's own period but of the latest longer one that ended
        /// before it ended (a month's statistics in a weekly lägesbild).
        public var withinPeriod: Bool
        /// The kommun's reporters of this source and the rows of each shown.
        public var reporters: [SourceReporter]
        /// Per indicator with rows: counts summed over all areas, levels' highest.
        public var totals: [SourceTotal]
    }

    public struct SourceReporter: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var rows: Int
    }

    public struct SourceTotal: Sendable, Hashable, Codable {
        public var indicator: String
        public var indicatorName: String
        public var value: Double
    }
}

extension Lagesbild.SourceSummary {
    /// What every lägesbild with other sources says about them, in `language`.
    public static func explanation(_ language: Language) -> String {
        language.pick("Statistik och rapporter från allmänheten visas bredvid observationerna; de räknas inte in i värden, status, hotspots eller poäng.",
                      "Statistics and reports from the public are shown beside the observations; they are not counted in values, status, hotspots or scores.")
    }

    /// `Statistik (Polisens statistik: 24 rader): oktober 2026 (senaste perioden som slutat senast 2026-11-22).`
    public func line(_ language: Language, periodEnd: String) -> String {
        let reporters = reporters.map { "\($0.name): \($0.rows) " + language.pick("rader", "rows") }.joined(separator: ", ")
        var line = "\(name) (\(reporters)): "
        if periods.isEmpty { return line + language.pick("inga uppgifter.", "no data.") }
        line += label
        if !withinPeriod {
            line += language.pick(" (senaste perioden som slutat senast \(periodEnd))", " (the latest period ended by \(periodEnd))")
        } else if source == Reporter.Source.statistics.rawValue, periods.count > 1 {
            line += " (" + periods.joined(separator: ", ") + ")"
        }
        return line + "."
    }
}
