/// A proposal of the areas to prioritise in a period, with every area's score and the parts it is made of.
///
/// For each area (as reported, without adding sub-areas) and counted indicators only:
/// - volume `V` = Σ weight × value in the previous period;
/// - baseline `B` = the mean of Σ weight × value over the `baselinePeriods` periods before that, counting each
///   period by the share of it that has reports of the kommun (so a store that starts recently is not read as a
///   rise): a period longer than a month by the share of its months with at least one report (a quarter with
///   reports in one month counts as a third), a month or shorter whole when it has any report;
/// - trend `T` = `V − B`;
/// - severity `S` = the share of `V` from indicators weighted above 1 (0 when `V` is 0).
///
/// score = w_volume × V / max V + w_trend × max(T, 0) / max T + w_severity × S, where the maxima are over the
/// kommun's areas (a part whose maximum is 0 counts 0). The areas with the highest scores are proposed; equal
/// scores are ordered by volume, then by id.
public struct PriorityProposal: Sendable, Hashable {
    /// One area's score and its parts.
    public struct AreaScore: Sendable, Hashable {
        public var area: String
        public var volume: Double
        public var baseline: Double
        public var trend: Double
        public var severity: Double
        public var score: Double
    }

    /// How many periods before the previous one the baseline is the mean of.
    public static let baselinePeriods = 4

    /// The period the priorities are for.
    public var period: Period
    /// The period whose events count as volume.
    public var previous: Period
    public var baseline: [Period]
    /// How many baseline periods the reports cover, each counted by its share of months with reports (whole
    /// for a month or shorter); the baseline is the sum over the baseline periods divided by this.
    public var baselineCovered: Double
    public var weights: LagesbildConfig.Priorities.Weights
    /// Every area, highest score first.
    public var scores: [AreaScore]
    /// The proposed areas, as many as the kommun prioritises.
    public var proposed: [String]

    /// Scores every area of `config` for `period` from `cells` (which must cover the previous and baseline periods).
    public init(config: KommunConfig, period: Period, cells: [DailyCell]) {
        let priorities = config.priorities
        self.period = period
        previous = period.previous
        baseline = (2...(Self.baselinePeriods + 1)).reversed().map { period.offset(by: -$0) }
        weights = priorities?.weights ?? .equal
        var volume: [String: Double] = [:], heavy: [String: Double] = [:], history: [String: Double] = [:]
        // The months (or, for a month or shorter, the period itself) with reports, per baseline period.
        var covered: [Period: Set<Period>] = [:]
        for cell in cells {
            guard let indicator = config.checklist.indicator(cell.indicator), indicator.measure == .count else { continue }
            let weighted = indicator.weight * Double(cell.sum)
            if previous.contains(cell.date) {
                volume[cell.area, default: 0] += weighted
                if indicator.weight > 1 { heavy[cell.area, default: 0] += weighted }
            } else if let past = baseline.first(where: { $0.contains(cell.date) }) {
                history[cell.area, default: 0] += weighted
                covered[past, default: []].insert(Self.coverageUnit(of: cell.date, in: past))
            }
        }
        let share = baseline.reduce(0) { $0 + Double(covered[$1]?.count ?? 0) / Double(Self.coverageUnits(in: $1)) }
        baselineCovered = share
        let areas = config.allAreas.map(\.id)
        let parts = areas.map { area in
            let v = volume[area] ?? 0, b = share > 0 ? (history[area] ?? 0) / share : 0
            return (area: area, volume: v, baseline: b, trend: v - b, severity: v > 0 ? (heavy[area] ?? 0) / v : 0)
        }
        let maxVolume = parts.map(\.volume).max() ?? 0, maxTrend = parts.map(\.trend).max() ?? 0
        let weights = weights
        scores = parts.map { part in
            let v = maxVolume > 0 ? part.volume / maxVolume : 0
            let t = maxTrend > 0 ? max(part.trend, 0) / maxTrend : 0
            return AreaScore(area: part.area, volume: part.volume, baseline: part.baseline, trend: part.trend, severity: part.severity,
                             score: weights.volume * v + weights.trend * t + weights.severity * part.severity)
        }.sorted { ($0.score, $0.volume, $1.area) > ($1.score, $1.volume, $0.area) }
        proposed = scores.prefix(priorities?.areas ?? 3).map(\.area)
    }

    /// The part of `period` that `date` makes covered: its month when the period is longer than a month, else
    /// the period itself.
    static func coverageUnit(of date: CalendarDate, in period: Period) -> Period {
        coverageUnits(in: period) > 1 ? Period(containing: date, kind: .month) : period
    }

    /// How many months a period longer than a month spans; 1 for a month or shorter.
    static func coverageUnits(in period: Period) -> Int {
        guard period.end.dayNumber - period.start.dayNumber >= 31 else { return 1 }
        var months = 0, month = Period(containing: period.start, kind: .month)
        while month.start <= period.end {
            months += 1
            month = month.next
        }
        return months
    }

    /// The formula in words, for the output.
    public func formula(_ language: Language) -> String {
        let w = weights
        return language.pick(
            """
            Poäng = \(language.number(w.volume, decimals: 2)) × V/maxV + \(language.number(w.trend, decimals: 2)) × max(T, 0)/maxT \
            + \(language.number(w.severity, decimals: 2)) × S. V (volym) = Σ vikt × antal i \(previous); B (baslinje) = medel av \
            Σ vikt × antal i \(baseline.map(\.description).joined(separator: ", ")) delat med de \
            \(language.number(baselineCovered, decimals: 2)) av \(baseline.count) perioder som har rapporter (en period längre än en \
            månad räknas med andelen av sina månader som har rapporter); T (trend) = V − B; S (svårighet) = andelen av V \
            från indikatorer med vikt över 1. Maxvärdena tas över kommunens områden; bara räknade indikatorer ingår, \
            och varje område räknas för sig (delområden läggs inte till).
            """,
            """
            Score = \(language.number(w.volume, decimals: 2)) × V/maxV + \(language.number(w.trend, decimals: 2)) × max(T, 0)/maxT \
            + \(language.number(w.severity, decimals: 2)) × S. V (volume) = Σ weight × count in \(previous); B (baseline) = mean of \
            Σ weight × count over \(baseline.map(\.description).joined(separator: ", ")) divided by the \
            \(language.number(baselineCovered, decimals: 2)) of \(baseline.count) periods with reports (a period longer than a month \
            counts by the share of its months with reports); T (trend) = V − B; S (severity) = the share \
            of V from indicators weighted above 1. The maxima are over the kommun's areas; only counted indicators are included, \
            and each area counts on its own (sub-areas are not added).
            """)
    }
}
