import Foundation

/// The yearly analysis: for each intervention under way in a year, whether the indicators it targets changed
/// more in its areas than in the kommun's other areas (a difference-in-differences on weekly counts). A
/// kommun that analyses per tertial (or half-year, or quarter) runs the same analysis for that period: the
/// weeks after then end with the period.
///
/// Method, for one intervention with areas A (with their sub-areas) and indicators I (counted ones only):
/// the comparison areas are every other area of the kommun, except A's parent areas (whose reports may be
/// about A). The weeks after are the whole ISO weeks from its start (the week it starts, when it starts on a
/// Monday, else the next) to the end of the year or the last week with reports; the weeks before are as
/// many weeks just before, limited to weeks the store has reports for. With sums tb, ta (A before and after)
/// and cb, ca (comparison), the estimate is d = ln(ta/tb) − ln(ca/cb), with variance φ (1/tb + 1/ta + 1/cb +
/// 1/ca): the Poisson approximation on the log scale, times φ, the mean of variance ÷ mean of the four weekly
/// series (at least 1), so that weeks that vary more than Poisson widen the interval (quasi-Poisson). The
/// 95 % interval is d ± 1.96 √variance, shown as a change in percent, 100 (e^d − 1).
public struct YearlyAnalysis: Sendable, Hashable, Codable {
    /// An intervention that could not be analysed, and why.
    public struct Skipped: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var reason: String
    }

    /// Fewest whole weeks on each side for an estimate.
    public static let minimumWeeks = 4
    /// The method in one paragraph, for the reader.
    public static func method(in language: Language) -> String {
        language.pick(method, methodEnglish)
    }

    /// The method in one paragraph, in Swedish.
    public static let method = """
        Skillnad i skillnader (difference-in-differences) på veckosummor: förändringen i insatsens områden från \
        veckorna före start till lika många veckor efter, jämförd med förändringen i kommunens övriga områden \
        under samma veckor (överordnade områden räknas inte som jämförelse). Skattningen är kvoten mellan \
        kvoterna efter/före; 95 % intervall från en Poissonapproximation på logskala med korrektion för \
        överspridning mellan veckor (kvasi-Poisson). Ett intervall som innehåller 0 % betyder inget säkert \
        samband. Ett samband är inte ett bevis för att insatsen orsakade förändringen.
        """

    /// The method in one paragraph, in English.
    public static let methodEnglish = """
        Difference-in-differences on weekly sums: the change in the intervention's areas from the weeks before \
        the start to as many weeks after, compared with the change in the kommun's other areas over the same \
        weeks (parent areas are not used for comparison). The estimate is the ratio of the after/before ratios; \
        95% interval from a Poisson approximation on the log scale, corrected for overdispersion between weeks \
        (quasi-Poisson). An interval that includes 0% means no reliable association. An association is not \
        proof that the intervention caused the change.
        """

    public var kommun: String
    public var kommunName: String
    /// The year of `period`.
    public var year: Int
    /// The period analysed: `2026`, or `2026-T2` for a kommun that analyses per tertial.
    public var period: String
    /// `2026`, `tertial 2 2026`, in the analysis's language.
    public var periodLabel: String
    /// The last day with reports that the analysis uses.
    public var through: CalendarDate?
    public var method: String
    public var effects: [InterventionEffect]
    public var skipped: [Skipped]

    /// The days of reports an analysis of `period` reads: from two years before its start (enough weeks before
    /// any intervention that starts in it) to its end.
    public static func window(for period: Period) -> ClosedRange<CalendarDate> {
        period.start.adding(months: -24)...period.end
    }

    /// Analyses every intervention of `interventions` under way in `year`; see `init(config:period:…)`.
    public init(config: KommunConfig, year: Int, interventions: [Intervention], cells: [DailyCell],
                language: Language = .sv) {
        self.init(config: config, period: Period(containing: CalendarDate(year: year, month: 1, day: 1)!, kind: .year),
                  interventions: interventions, cells: cells, language: language)
    }

    /// Analyses every intervention of `interventions` under way in `period`, from `cells` (every report of the
    /// kommun in `window(for: period)`), with its sentences in `language`.
    public init(config: KommunConfig, period analysed: Period, interventions: [Intervention], cells: [DailyCell],
                language: Language = .sv) {
        kommun = config.id
        kommunName = config.kommun.name
        year = analysed.year
        period = analysed.description
        periodLabel = analysed.label(language)
        method = Self.method(in: language)
        let yearStart = analysed.start, yearEnd = analysed.end
        // Level answers are dated by their week; only counted events say how far the reports reach.
        let counted = cells.filter { config.checklist.indicator($0.indicator)?.measure == .count }
        let lastDay = counted.map(\.date).filter { $0 <= yearEnd }.max()
        let firstDay = counted.map(\.date).min()
        through = lastDay
        var effects: [InterventionEffect] = [], skipped: [Skipped] = []
        for item in interventions {
            guard item.status != .proposed, let start = item.start, start <= yearEnd, (item.endedOn ?? yearEnd) >= yearStart else { continue }
            let indicators = item.indicators.filter { config.checklist.indicator($0)?.measure == .count }
            guard !item.areas.isEmpty, !indicators.isEmpty else {
                let reason = language.pick("insatsen anger inga områden eller inga räknade indikatorer",
                                           "the intervention names no areas or no counted indicators")
                skipped.append(Skipped(id: item.id, title: item.title, reason: reason))
                continue
            }
            guard let lastDay, let firstDay else {
                skipped.append(Skipped(id: item.id, title: item.title, reason: language.pick("inga rapporter", "no reports")))
                continue
            }
            effects.append(Self.effect(of: item, start: start, indicators: indicators, config: config, cells: cells,
                                       firstDay: firstDay, lastDay: lastDay, language: language))
        }
        self.effects = effects
        self.skipped = skipped
    }

    private static func effect(of item: Intervention, start: CalendarDate, indicators: [String], config: KommunConfig,
                               cells: [DailyCell], firstDay: CalendarDate, lastDay: CalendarDate,
                               language: Language) -> InterventionEffect {
        let treated = Set(config.allAreas.filter { item.areas.contains($0.id) }.flatMap { $0.flattened.map(\.id) })
        let parents = Set(config.allAreas.filter { area in area.flattened.dropFirst().contains { item.areas.contains($0.id) } }.map(\.id))
        let firstAfter = start.isoWeekday == 1 ? start : start.adding(days: 8 - start.isoWeekday)
        let lastAfter = lastDay.isoWeekday == 7 ? lastDay : lastDay.adding(days: -lastDay.isoWeekday)
        let firstData = firstDay.isoWeekday == 1 ? firstDay : firstDay.adding(days: 8 - firstDay.isoWeekday)
        let weeksAfter = max(0, (lastAfter.dayNumber - firstAfter.dayNumber + 1) / 7)
        let weeksBefore = max(0, (firstAfter.dayNumber - firstData.dayNumber) / 7)
        let weeks = min(weeksAfter, weeksBefore)
        let firstBefore = firstAfter.adding(days: -7 * weeks)
        var treatedWeeks = [Int](repeating: 0, count: 2 * weeks), comparisonWeeks = [Int](repeating: 0, count: 2 * weeks)
        let wanted = Set(indicators)
        for cell in cells where wanted.contains(cell.indicator) && !parents.contains(cell.area) {
            let index = (cell.date.dayNumber - firstBefore.dayNumber)
            guard index >= 0, index < 14 * weeks else { continue }
            if treated.contains(cell.area) { treatedWeeks[index / 7] += cell.sum } else { comparisonWeeks[index / 7] += cell.sum }
        }
        let tb = treatedWeeks.prefix(weeks).reduce(0, +), ta = treatedWeeks.suffix(weeks).reduce(0, +)
        let cb = comparisonWeeks.prefix(weeks).reduce(0, +), ca = comparisonWeeks.suffix(weeks).reduce(0, +)
        let series = [Array(treatedWeeks.prefix(weeks)), Array(treatedWeeks.suffix(weeks)),
                      Array(comparisonWeeks.prefix(weeks)), Array(comparisonWeeks.suffix(weeks))]
        let dispersion = max(1, series.map(Self.dispersion).reduce(0, +) / Double(series.count))
        var effect = InterventionEffect(
            id: item.id, title: item.title, areas: item.areas, indicators: indicators, start: start, weeks: weeks,
            before: [firstBefore, firstAfter.adding(days: -1)], after: [firstAfter, firstAfter.adding(days: 7 * weeks - 1)],
            treatedBefore: tb, treatedAfter: ta, comparisonBefore: cb, comparisonAfter: ca, dispersion: rounded(dispersion, 3),
            ratio: nil, low: nil, high: nil, verdict: .tooLittleData, sentence: "")
        let what = Self.what(indicators, config: config, language: language)
        let whereText = Self.whereText(item.areas, config: config, language: language)
        guard weeks >= minimumWeeks, tb > 0, ta > 0, cb > 0, ca > 0 else {
            effect.sentence = weeks < minimumWeeks
                ? language.pick("För kort tid för en bedömning: \(weeks) hela veckor före och efter start (minst \(minimumWeeks) behövs).",
                                "Too short a time for an assessment: \(weeks) whole weeks before and after the start (at least \(minimumWeeks) are needed).")
                : language.pick("För få händelser med \(what) i \(whereText) för en bedömning (\(tb) före, \(ta) efter; övriga områden \(cb) och \(ca)).",
                                "Too few events of \(what) in \(whereText) for an assessment (\(tb) before, \(ta) after; other areas \(cb) and \(ca)).")
            return effect
        }
        let d = log(Double(ta) / Double(tb)) - log(Double(ca) / Double(cb))
        let se = (dispersion * (1 / Double(tb) + 1 / Double(ta) + 1 / Double(cb) + 1 / Double(ca))).squareRoot()
        effect.ratio = rounded(exp(d), 3)
        effect.low = rounded(exp(d - 1.96 * se), 3)
        effect.high = rounded(exp(d + 1.96 * se), 3)
        let percent = { (ratio: Double) -> String in
            let value = Int(((ratio - 1) * 100).rounded())
            return (value > 0 ? "+" : "") + String(value) + language.pick(" %", "%")
        }
        let estimate = percent(exp(d)), low = percent(exp(d - 1.96 * se)), high = percent(exp(d + 1.96 * se))
        let interval = language.pick("skattning \(estimate) jämfört med övriga områden, 95 % intervall \(low) till \(high)",
                                     "estimate \(estimate) compared with the other areas, 95% interval \(low) to \(high)")
        let counts = language.pick("\(tb) → \(ta) i \(whereText), \(cb) → \(ca) i övriga områden, \(weeks) veckor före och efter",
                                   "\(tb) → \(ta) in \(whereText), \(cb) → \(ca) in the other areas, \(weeks) weeks before and after")
        if d + 1.96 * se < 0 {
            effect.verdict = .decreasedMore
            effect.sentence = language.pick(
                "Antalet rapporterade händelser med \(what) i \(whereText) minskade mer än i övriga områden (\(interval); \(counts)). Insatsen sammanföll med ett positivt utfall; det visar ett samband, inte att insatsen var orsaken.",
                "The number of reported events of \(what) in \(whereText) decreased more than in the other areas (\(interval); \(counts)). The intervention coincided with a positive outcome; this shows an association, not that the intervention was the cause.")
        } else if d - 1.96 * se > 0 {
            effect.verdict = .increasedMore
            effect.sentence = language.pick(
                "Antalet rapporterade händelser med \(what) i \(whereText) ökade mer än i övriga områden (\(interval); \(counts)).",
                "The number of reported events of \(what) in \(whereText) increased more than in the other areas (\(interval); \(counts)).")
        } else {
            effect.verdict = .noClearDifference
            effect.sentence = language.pick(
                "Inget säkert samband: antalet rapporterade händelser med \(what) i \(whereText) förändrades inte säkert annorlunda än i övriga områden (\(interval); \(counts)).",
                "No reliable association: the number of reported events of \(what) in \(whereText) did not change in a way reliably different from the other areas (\(interval); \(counts)).")
        }
        return effect
    }

    /// Sample variance ÷ mean of a weekly series; 1 when it cannot be computed.
    private static func dispersion(_ counts: [Int]) -> Double {
        guard counts.count > 1 else { return 1 }
        let mean = Double(counts.reduce(0, +)) / Double(counts.count)
        guard mean > 0 else { return 1 }
        let variance = counts.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(counts.count - 1)
        return variance / mean
    }

    private static func what(_ indicators: [String], config: KommunConfig, language: Language) -> String {
        list(indicators.map { config.checklist.indicator($0)?.name.text(language).lowercased() ?? $0 }, language: language)
    }

    private static func whereText(_ areas: [String], config: KommunConfig, language: Language) -> String {
        list(areas.map { id in config.area(id)?.name ?? id }, language: language)
    }

    private static func list(_ items: [String], language: Language) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + language.pick(" och ", " and ") + items.last!
    }

    private static func rounded(_ value: Double, _ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
