/// Statistics and reports from the public, placed in a lägesbild beside the observations.
extension LagesbildCompiler {
    /// How far back a lägesbild looks for the latest statistics when none lies within its period.
    static let statisticsLookBackDays = 2 * 366

    /// What the sources other than observations say for `period`: a summary per source the kommun has
    /// reporters of, and per area and indicator (keyed `area` + `indicator`) the cell's values. Nil when
    /// every reporter delivers observations; then nothing is read.
    ///
    /// A row counts when the day, week or period it is dated by lies within `period`. When no statistics row
    /// does (a month's statistics in a weekly lägesbild), the statistics shown are those of the latest
    /// period that ended on or before `period` ended, labelled with their own period.
    func otherSources(period: Period, language: Language) throws
        -> (summaries: [Lagesbild.SourceSummary], cells: [SourceCellKey: Lagesbild.SourceValues])? {
        let sources = Reporter.Source.allCases.filter { source in
            source != .observations && config.reporters.contains { $0.source == source }
        }
        guard !sources.isEmpty else { return nil }
        let measures = Dictionary(config.checklist.indicators.map { ($0.id, $0.measure) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(config.checklist.indicators.map { ($0.id, $0.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        let areas = Set(config.allAreas.map(\.id))
        var summaries: [Lagesbild.SourceSummary] = []
        var cells: [SourceCellKey: Lagesbild.SourceValues] = [:]
        for source in sources {
            let from = period.start.adding(days: source == .statistics ? -Self.statisticsLookBackDays : -7)
            let stored = try store?.sourceRows(kommun: config.id, source: source, from: from, to: period.end) ?? []
            let (shown, withinPeriod) = Self.shownRows(stored, in: period)
            var values: [SourceCellKey: Double] = [:]
            var totals: [String: Double] = [:]
            for row in shown where areas.contains(row.area) {
                let value = Double(row.value)
                let isLevel = measures[row.indicator] == .level
                let key = SourceCellKey(area: row.area, indicator: row.indicator)
                values[key] = isLevel ? max(values[key] ?? value, value) : (values[key] ?? 0) + value
                totals[row.indicator] = isLevel ? max(totals[row.indicator] ?? value, value) : (totals[row.indicator] ?? 0) + value
            }
            for (key, value) in values {
                var cell = cells[key] ?? Lagesbild.SourceValues()
                if source == .statistics { cell.statistics = value } else { cell.public = value }
                cells[key] = cell
            }
            let periods = Array(Set(shown.map(\.dated))).sorted()
            // Rows of the lägesbild's own period are labelled with it; the latest earlier statistics with theirs.
            let label = withinPeriod ? period.label(language) : periods.first.map { Period($0)?.label(language) ?? $0 } ?? ""
            let rowsByReporter = Dictionary(grouping: shown, by: \.reporter).mapValues(\.count)
            summaries.append(.init(
                source: source.rawValue, name: source.label(language), periods: periods, label: label, withinPeriod: withinPeriod,
                reporters: config.reporters.filter { $0.source == source }.map {
                    .init(id: $0.organisation, name: config.partyName($0.organisation), rows: rowsByReporter[$0.organisation] ?? 0)
                },
                totals: config.checklist.indicators.compactMap { indicator in
                    totals[indicator.id].map { .init(indicator: indicator.id, indicatorName: names[indicator.id] ?? indicator.id, value: $0) }
                }))
        }
        return (summaries, cells)
    }

    /// The rows dated within `period`; when there are none, the rows of the latest period that ended on or
    /// before `period` ended (false: not the lägesbild's own period).
    static func shownRows(_ rows: [SourceRow], in period: Period) -> (rows: [SourceRow], withinPeriod: Bool) {
        let within = rows.filter { $0.first >= period.start && $0.last <= period.end }
        if !within.isEmpty { return (within, true) }
        let ended = rows.filter { $0.last <= period.end }
        guard let latest = ended.max(by: { ($0.last, $0.first) < ($1.last, $1.first) }) else { return ([], true) }
        return (ended.filter { $0.first == latest.first && $0.last == latest.last }, false)
    }
}

/// An area and indicator, for the cells of other sources.
struct SourceCellKey: Hashable {
    var area: String
    var indicator: String
}
