import Foundation

/// Compiles a kommun's lägesbild for a period from its file and the report store.
public struct LagesbildCompiler {
    /// How many periods the baseline is the mean of.
    public static let baselinePeriods = 8
    /// How many periods the trend lines show, this one included.
    public static let historyPeriods = 12
    /// Hotspots are cells whose Benjamini–Hochberg adjusted p-value is below this.
    public static let significance = 0.05
    /// The smallest mean the Poisson test assumes: a cell with no events in eight periods is treated as
    /// one event in eight, so that one event alone is not a hotspot.
    public static let minimumMean = 1.0 / Double(baselinePeriods)

    public let config: KommunConfig
    public let store: (any PlatformStore)?
    /// When the lägesbild is compiled: reporters with nothing stored are `pending` until the deadline.
    public let now: Date
    /// The area the lägesbild is for, with the areas below it; nil for the whole kommun. See
    /// `LagesbildCompiler+Area.swift` for what an area's lägesbild shows.
    public let area: String?

    /// `store` may be nil (nothing ingested yet): the lägesbild then shows no events and every reporter missing.
    public init(config: KommunConfig, store: (any PlatformStore)?, now: Date = Date(), area: String? = nil) {
        self.config = config
        self.store = store
        self.now = now
        self.area = area
    }

    /// The lägesbild of `period` as `lagesbild` (one of the kommun's lägesbilder, the main one by default)
    /// says it is made and distributed, for the compiler's `area`, else the lägesbild's own; the parts not in
    /// `parts` are left empty, and what only they need is not read or planned. An area the kommun file does
    /// not have is an error.
    public func compile(period: Period, language: Language, parts: Lagesbild.Parts = .all,
                        as lagesbild: LagesbildConfig? = nil) throws -> Lagesbild {
        let definition = lagesbild ?? config.lagesbild
        let scope = try scope(of: definition)
        let baseline = (1...Self.baselinePeriods).reversed().map { period.offset(by: -$0) }
        let lastYear = period.sameLastYear
        let recent = (0..<4).reversed().map { period.offset(by: -$0) }
        let trend = (0..<Self.historyPeriods).reversed().map { period.offset(by: -$0) }
        let first = min(trend[0].start, baseline[0].start)
        let kommun = config.id
        // The recent window and the same period last year, not the year of days between them.
        var reports = try store?.values(kommun: kommun, from: first, to: period.end) ?? []
        if lastYear.end < first {
            reports += try store?.values(kommun: kommun, from: lastYear.start, to: lastYear.end) ?? []
        } else if lastYear.start < first {
            reports += try store?.values(kommun: kommun, from: lastYear.start, to: first.adding(days: -1)) ?? []
        }
        let texts = parts.contains(.notes)
            ? try store?.notes(kommun: kommun, from: recent[0].start, to: period.end).filter { scope.contains($0.area) } ?? [] : []
        // One planning pass serves the follow-ups due (90 days back), the deadline and the next period.
        let planned = parts.isDisjoint(with: [.reporting, .meetings, .interventions]) ? [] :
            try MeetingPlanner(config: config, declaredIn: store)
                .meetings(from: period.start.adding(days: -90),
                          to: max(period.next.end, period.end.adding(days: ReportingDeadline.lookAheadDays + 1)))
        let areas = scope.areas
        let names = Names(config: config, language: language)

        // Sum, highest value and rows per period, area and indicator, by position.
        let indicators = config.checklist.indicators
        var grid = CellGrid(periods: trend.contains(lastYear) ? trend : trend + [lastYear],
                            areas: areas.map(\.0.id), indicators: indicators.map(\.id))
        for report in reports { grid.add(report) }
        let isCount = indicators.map { $0.measure == .count }
        /// What a level shows when nobody answered: the scale's lowest; counts show 0.
        let floors = indicators.map { $0.measure == .level ? Double($0.scale?.min ?? 0) : 0 }
        /// A count's sum, or a level's highest answer.
        func value(_ area: Int, _ indicator: Int, _ period: Int) -> Double {
            guard let entry = grid.bucket(period: period, area: area, indicator: indicator) else { return floors[indicator] }
            return Double(isCount[indicator] ? entry.sum : entry.max)
        }
        /// The indicator over all areas: counts summed, levels' highest.
        func total(_ indicator: Int, _ period: Int) -> Double {
            let values = areas.indices.map { value($0, indicator, period) }
            return isCount[indicator] ? values.reduce(0, +) : (values.max() ?? 0)
        }
        let current = grid.index(of: period), previous = grid.index(of: period.previous)
        let lastYearIndex = grid.index(of: lastYear)
        /// A period in which the kommun stored nothing (in any area, shown or not) is no data, not 0: it shows
        /// as nil and is left out of baselines.
        let hasData = grid.periodHasReports
        func known(_ value: Double, in period: Int) -> Double? { hasData[period] ? value : nil }
        let baselineIndices = baseline.map(grid.index(of:)).filter { hasData[$0] }
        /// The mean over the baseline periods with data, nil when none has.
        func mean(_ values: (Int) -> Double) -> Double? {
            baselineIndices.isEmpty ? nil : Self.rounded(baselineIndices.reduce(0) { $0 + values($1) } / Double(baselineIndices.count))
        }
        let rules = definition.status
        let other = try otherSources(period: period, language: language)

        var cells: [Lagesbild.Cell] = []
        for (a, (area, _, _)) in areas.enumerated() {
            for (i, indicator) in indicators.enumerated() {
                let shown = value(a, i, current)
                let mean = mean { value(a, i, $0) }
                let status = Self.status(shown, baseline: mean, indicator: indicator, rules: rules)
                cells.append(Lagesbild.Cell(
                    area: area.id, areaName: area.name, indicator: indicator.id, indicatorName: indicator.name.text(language),
                    value: shown, previous: known(value(a, i, previous), in: previous),
                    lastYear: known(value(a, i, lastYearIndex), in: lastYearIndex), baseline: mean,
                    change: mean.map { Self.rounded(shown - $0) }, status: status, statusLabel: rules.name(status, language),
                    isNew: shown > floors[i] && !baselineIndices.isEmpty && baselineIndices.allSatisfy { value(a, i, $0) == floors[i] },
                    sources: other?.cells[SourceCellKey(area: area.id, indicator: indicator.id)]))
            }
        }

        // The checklist by id, for the look-ups per cell below.
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let summarised = parts.contains(.summaries)
        let scores = summarised ? scores(cells, indicators: byID, names: names, areas: areas) : []
        let completeness = parts.contains(.reporting)
            ? completeness(try store?.reporterActivity(kommun: kommun, from: period.start, to: period.end) ?? [],
                           deadline: ReportingDeadline(period: period, config: config, lagesbild: definition, meetings: planned), scope: scope)
            : Lagesbild.Completeness(expected: 0, reported: 0, due: "", dueFor: nil, reporters: [])
        let counted = summarised ? cells.filter { byID[$0.indicator]?.measure == .count } : []
        let highlights = !summarised ? .empty : Lagesbild.Highlights(
            events: counted.reduce(0) { $0 + $1.value },
            previousEvents: known(counted.reduce(0) { $0 + ($1.previous ?? 0) }, in: previous),
            areasWithEvents: Set(counted.filter { $0.value > 0 }.map(\.area)).count,
            new: cells.filter(\.isNew),
            // Rising: orange or red and above the baseline; a level at orange or red that has not moved
            // (change 0) is high, not rising; without a baseline nothing is rising.
            rising: cells.filter { $0.status >= .orange && ($0.change ?? 0) > 0 }
                .sorted { ($1.status, $1.change ?? 0) < ($0.status, $0.change ?? 0) },
            topAreas: Array(scores.filter { $0.score > 0 }.prefix(3)),
            missingReporters: completeness.reporters.filter { $0.expected && !$0.reported }.map { .init(id: $0.id, name: $0.name) })

        return Lagesbild(
            schemaVersion: Lagesbild.currentSchemaVersion,
            language: language,
            kommun: .init(id: kommun, name: config.kommun.name, lan: config.kommun.lan),
            definition: definition.id.map { .init(id: $0, name: definition.name) },
            period: .init(id: period.description, label: period.label(language), kind: period.kind.name, start: period.start.description,
                          end: period.end.description, previous: period.previous.description,
                          lastYear: lastYear.description, baselinePeriods: baseline.map(\.description)),
            area: scope.area.map { .init(id: $0.id, name: $0.name) },
            areas: areas.map { area, parent, depth in
                .init(id: area.id, name: area.name, kind: area.kind.rawValue, parent: parent, depth: depth,
                      lat: area.location?.lat, lon: area.location?.lon,
                      boundary: area.boundary.map { ring in (ring + ring.prefix(1)).map { [$0.lon, $0.lat] } })
            },
            indicators: config.checklist.indicators.map { indicator in
                .init(id: indicator.id, name: indicator.name.text(language), category: indicator.category,
                      categoryName: config.checklist.categories.first { $0.id == indicator.category }?.name.text(language) ?? indicator.category,
                      measure: indicator.measure.rawValue, weight: indicator.weight,
                      scaleMin: indicator.scale?.min, scaleMax: indicator.scale?.max)
            },
            cells: cells,
            highlights: highlights,
            hotspots: summarised ? hotspots(cells, indicators: byID) : [],
            recurringPlaces: parts.contains(.notes)
                ? recurringPlaces(recent: recent, grid: grid, areas: areas.map(\.0), texts: texts, names: names) : [],
            areaScores: scores,
            areaStatuses: !summarised ? [] :
                try areaStatuses(cells, areas: areas.map(\.0), period: period, rules: rules, weights: byID.mapValues(\.weight),
                                 language: language),
            statusScale: Lagesbild.Status.allCases.map { .init(status: $0, name: rules.name($0, language), colour: rules.colour($0)) },
            indicatorTotals: !summarised ? [] : indicators.enumerated().map { i, indicator in
                .init(indicator: indicator.id, indicatorName: indicator.name.text(language), value: total(i, current),
                      previous: known(total(i, previous), in: previous), lastYear: known(total(i, lastYearIndex), in: lastYearIndex),
                      baseline: mean { total(i, $0) })
            },
            history: !summarised ? .init(periods: [], areas: []) : .init(periods: trend.map(\.description), areas: areas.enumerated().map { a, area in
                .init(area: area.0.id, areaName: area.0.name, values: trend.indices.map { p in
                    known(indicators.indices.reduce(0) { sum, i in isCount[i] ? sum + value(a, i, p) : sum }, in: p)
                })
            }),
            completeness: completeness,
            notes: texts.filter { period.contains($0.date) && $0.note != nil }.map {
                .init(area: $0.area, areaName: names.area($0.area), date: $0.date.description, time: $0.time,
                      reporter: $0.reporter, reporterName: config.partyName($0.reporter), indicator: $0.indicator,
                      indicatorName: names.indicator($0.indicator), place: $0.place, text: $0.note)
            },
            upcoming: parts.contains(.meetings) ? planned.filter { period.next.contains($0.date) && scope.shows($0) } : [],
            interventions: parts.contains(.interventions)
                ? try interventions(period: period, meetings: planned.filter { $0.date <= period.next.end }, names: names, scope: scope)
                : .init(proposed: [], underWay: [], followUpsDue: [], priorities: nil),
            distribution: distribution(definition, language),
            methods: Self.methods(language, rules: rules, indicators: indicators,
                                  withoutData: Set([previous, lastYearIndex] + baseline.map(grid.index(of:)))
                                      .filter { !hasData[$0] }.map { grid.periods[$0] }.sorted()),
            sources: other?.summaries)
    }

    /// Display names by id, for ids that may come from the store.
    private struct Names {
        let areas: [String: String]
        let indicators: [String: String]

        init(config: KommunConfig, language: Language) {
            areas = Dictionary(config.allAreas.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            indicators = Dictionary(config.checklist.indicators.map { ($0.id, $0.name.text(language)) }, uniquingKeysWith: { a, _ in a })
        }

        func area(_ id: String) -> String { areas[id] ?? id }
        func indicator(_ id: String) -> String { indicators[id] ?? id }
    }

    /// Areas depth first, with their parent and depth.
    static func flatten(_ areas: [Area], parent: String? = nil, depth: Int = 0) -> [(Area, String?, Int)] {
        areas.flatMap { [($0, parent, depth)] + flatten($0.areas, parent: $0.id, depth: depth + 1) }
    }

    /// A cell's status. A count without a baseline (no data in any baseline period) is green: there is
    /// nothing to compare it with.
    static func status(_ value: Double, baseline: Double?, indicator: Indicator, rules: StatusRules) -> Lagesbild.Status {
        if indicator.measure == .level, let levels = indicator.statusLevels ?? rules.levels {
            return levels.status(of: Int(value))
        }
        if indicator.measure == .level, let scale = indicator.scale {
            let fraction = (value - Double(scale.min)) / Double(scale.max - scale.min)
            if fraction >= 1 { return .red }
            if fraction >= 2.0 / 3 { return .orange }
            if fraction >= 1.0 / 3 { return .yellow }
            return .green
        }
        guard let baseline else { return .green }
        func reaches(_ threshold: StatusRules.Threshold) -> Bool {
            value - baseline >= threshold.minExcess && value >= threshold.ratio * baseline && value > baseline
        }
        if reaches(rules.red) { return .red }
        if reaches(rules.orange) { return .orange }
        if reaches(rules.yellow) { return .yellow }
        return .green
    }

    /// Count cells significantly above their baseline; a cell without a baseline is not tested.
    private func hotspots(_ cells: [Lagesbild.Cell], indicators: [String: Indicator]) -> [Lagesbild.Hotspot] {
        let counts = cells.filter { indicators[$0.indicator]?.measure == .count }
        let tested = counts.compactMap { cell in cell.baseline.flatMap { cell.value > $0 ? (cell, $0) : nil } }
        let pValues = tested.map { PoissonTest.upperTail(atLeast: Int($0.0.value), mean: Swift.max($0.1, Self.minimumMean)) }
        let adjusted = PoissonTest.benjaminiHochberg(pValues, tests: counts.count)
        return tested.indices.filter { adjusted[$0] < Self.significance }
            .map { Lagesbild.Hotspot(area: tested[$0].0.area, areaName: tested[$0].0.areaName, indicator: tested[$0].0.indicator,
                                     indicatorName: tested[$0].0.indicatorName, value: tested[$0].0.value,
                                     baseline: tested[$0].1, pValue: Self.rounded(pValues[$0], places: 6),
                                     adjustedPValue: Self.rounded(adjusted[$0], places: 6)) }
            .sorted { ($0.adjustedPValue, $0.area, $0.indicator) < ($1.adjustedPValue, $1.area, $1.indicator) }
    }

    /// The same indicator reported at the same place (an area of kind place, or a place text within an
    /// area) in at least three of the last four periods.
    private func recurringPlaces(recent: [Period], grid: CellGrid, areas: [Area],
                                 texts: [NoteRow], names: Names) -> [Lagesbild.RecurringPlace] {
        struct PlaceKey: Hashable { var area: String; var place: String?; var indicator: String }
        var seen: [PlaceKey: (periods: Set<Period>, reports: Int)] = [:]
        let indicators = config.checklist.indicators
        for period in recent {
            let p = grid.index(of: period)
            for (a, area) in areas.enumerated() where area.kind == .place {
                for i in indicators.indices {
                    guard let entry = grid.bucket(period: p, area: a, indicator: i), entry.sum > 0 else { continue }
                    let placeKey = PlaceKey(area: area.id, place: nil, indicator: indicators[i].id)
                    seen[placeKey, default: ([], 0)].periods.insert(period)
                    seen[placeKey]!.reports += entry.rows
                }
            }
        }
        let kind = recent[0].kind
        for text in texts {
            guard let place = text.place?.trimmingSpaces.lowercased(), !place.isEmpty else { continue }
            let key = PlaceKey(area: text.area, place: place, indicator: text.indicator)
            seen[key, default: ([], 0)].periods.insert(Period(containing: text.date, kind: kind))
            seen[key]!.reports += 1
        }
        return seen.filter { $0.value.periods.count >= 3 }
            .map { key, entry in
                Lagesbild.RecurringPlace(area: key.area, areaName: names.area(key.area), place: key.place,
                                         indicator: key.indicator, indicatorName: names.indicator(key.indicator),
                                         periods: entry.periods.sorted().map(\.description), reports: entry.reports)
            }
            .sorted { ($0.area, $0.place ?? "", $0.indicator) < ($1.area, $1.place ?? "", $1.indicator) }
    }

    /// Σ weight × value per area; rank 1 is the highest, equal scores share a rank.
    private func scores(_ cells: [Lagesbild.Cell], indicators: [String: Indicator], names: Names,
                        areas: [(Area, String?, Int)]) -> [Lagesbild.AreaScore] {
        var totals: [String: Double] = [:]
        for cell in cells {
            totals[cell.area, default: 0] += (indicators[cell.indicator]?.weight ?? 1) * cell.value
        }
        let order = areas.map(\.0.id)
        let sorted = order.map { ($0, Self.rounded(totals[$0] ?? 0)) }.enumerated()
            .sorted { ($1.element.1, $0.offset) < ($0.element.1, $1.offset) }.map(\.element)
        var result: [Lagesbild.AreaScore] = []
        for (index, (area, score)) in sorted.enumerated() {
            let rank = index > 0 && result[index - 1].score == score ? result[index - 1].rank : index + 1
            result.append(.init(area: area, areaName: names.area(area), score: score, rank: rank))
        }
        return result
    }

    /// Each area's status from its own cells by the kommun's area rules, and the latest status a body
    /// assessed for it on or before the period's end.
    private func areaStatuses(_ cells: [Lagesbild.Cell], areas: [Area], period: Period, rules: StatusRules,
                              weights: [String: Double], language: Language) throws -> [Lagesbild.AreaStatus] {
        let assessed = try store?.areaStatusAssessments(kommun: config.id, through: period.end) ?? []
        let latest = Dictionary(assessed.map { ($0.area, $0) }, uniquingKeysWith: { _, later in later })
        let byArea = Dictionary(grouping: cells, by: \.area)
        return areas.map { area in
            let own = byArea[area.id] ?? []
            let status = rules.areas.status(of: own.map { ($0.status, weights[$0.indicator] ?? 1) })
            return .init(area: area.id, areaName: area.name, status: status, statusLabel: rules.name(status, language),
                         assessed: latest[area.id].map { assessment in
                             .init(status: assessment.status, statusLabel: rules.name(assessment.status, language),
                                   by: .init(id: assessment.body, name: config.partyName(assessment.body)),
                                   on: assessment.date.description, reason: assessment.reason)
                         })
        }
    }

    private func completeness(_ activity: [ReporterActivity], deadline: ReportingDeadline, scope: Scope) -> Lagesbild.Completeness {
        let byReporter = Dictionary(activity.map { ($0.reporter, $0) }, uniquingKeysWith: { a, _ in a })
        let due = deadline.instant(in: TimeZone(identifier: config.kommun.timeZone) ?? .current)
        // Statistics and public reporters are never expected, so never missing: they are shown with their sources.
        let reporters = config.reporters.filter { $0.source == .observations && config.covers($0, scope.area?.id) }.map { reporter in
            let stored = byReporter[reporter.organisation]
            let timeliness: Lagesbild.Timeliness
            if let first = stored.flatMap({ Timestamp.date($0.firstIngestedAt) }) {
                timeliness = first <= due ? .onTime : .late
            } else {
                timeliness = now < due ? .pending : .missing
            }
            return Lagesbild.ReporterStatus(id: reporter.organisation, name: config.partyName(reporter.organisation),
                                            expected: reporter.expected, rows: stored?.rows ?? 0, reported: stored != nil,
                                            timeliness: timeliness, firstIngestedAt: stored?.firstIngestedAt,
                                            lastIngestedAt: stored?.lastIngestedAt,
                                            nothingToReport: stored?.nothingToReport == true ? true : nil)
        }
        let expected = reporters.filter(\.expected)
        return .init(expected: expected.count, reported: expected.filter(\.reported).count, due: deadline.localText,
                     dueFor: deadline.meeting.map { "\($0.title) \($0.date) \($0.start?.description ?? "")".trimmingCharacters(in: .whitespaces) },
                     reporters: reporters)
    }

    /// The period's interventions and the current priorities, from the store.
    private func interventions(period: Period, meetings: [Meeting], names: Names, scope: Scope) throws -> Lagesbild.Interventions {
        guard let store else { return .init(proposed: [], underWay: [], followUpsDue: [], priorities: nil) }
        let all = try store.interventions(kommun: config.id).filter(scope.shows)
        let due = try store.followUpsDue(kommun: config.id, by: period.end, meetings: meetings).filter(scope.shows)
        func item(_ intervention: Intervention) -> Lagesbild.InterventionItem {
            .init(id: intervention.id, title: intervention.title, status: intervention.status.rawValue,
                  areas: intervention.areas.map { .init(id: $0, name: names.area($0)) },
                  indicators: intervention.indicators.map { .init(id: $0, name: names.indicator($0)) },
                  proposedBy: .init(id: intervention.proposedBy, name: config.partyName(intervention.proposedBy)),
                  decidedBy: intervention.decidedBy.map { .init(id: $0, name: config.partyName($0)) },
                  owner: intervention.owner.map { .init(id: $0, name: config.partyName($0)) },
                  start: intervention.start?.description, plannedEnd: intervention.plannedEnd?.description)
        }
        var priorities: Lagesbild.Priorities?
        if let kind = config.priorities?.period {
            let current = Period(containing: period.end, kind: kind)
            let decisions = try store.priorityDecisions(kommun: config.id).filter { $0.period <= current }
            priorities = decisions.last.flatMap(scope.shows).map { decision in
                .init(period: decision.period.description, areas: decision.areas.map { .init(id: $0, name: names.area($0)) },
                      decidedBy: .init(id: decision.decidedBy, name: config.partyName(decision.decidedBy)),
                      decidedOn: decision.decidedOn.description)
            }
        }
        return .init(proposed: all.filter { period.contains($0.proposedOn) }.map(item),
                     underWay: all.filter { $0.isActive(on: period.end) }.map(item),
                     followUpsDue: due.map(item), priorities: priorities)
    }

    private func distribution(_ lagesbild: LagesbildConfig, _ language: Language) -> Lagesbild.Distribution {
        func party(_ id: String) -> Lagesbild.Party {
            id == LagesbildConfig.allReporters
                ? .init(id: id, name: language.pick("alla rapportörer", "all reporters"))
                : .init(id: id, name: config.partyName(id))
        }
        return .init(compiledBy: party(lagesbild.compiledBy), analysedBy: lagesbild.analysedBy.map(party),
                     readBy: lagesbild.readBy.map(party),
                     feedback: lagesbild.feedback.enumerated().map { index, step in
                         .init(order: index + 1, from: party(step.from), to: party(step.to), about: step.about)
                     })
    }

    /// `withoutData`: the compared periods (previous, last year, baseline) in which the kommun stored nothing.
    static func methods(_ language: Language, rules: StatusRules, indicators: [Indicator] = [], withoutData: [Period] = []) -> Lagesbild.Methods {
        func format(_ value: Double) -> String { language.number(value, decimals: 3) }
        func threshold(_ t: StatusRules.Threshold) -> String {
            language.pick("minst \(format(t.ratio)) × baslinjen och minst \(format(t.minExcess)) över",
                          "at least \(format(t.ratio)) × the baseline and at least \(format(t.minExcess)) above it")
        }
        func name(_ status: Lagesbild.Status) -> String { rules.name(status, language) }
        var baseline = language.pick(
            "Baslinjen är medelvärdet av de \(baselinePeriods) närmast föregående perioderna. Förändring = värde − baslinje. Antal summeras; för nivåindikatorer visas periodens högsta svar.",
            "The baseline is the mean of the \(baselinePeriods) periods before. Change = value − baseline. Counts are summed; level indicators show the period's highest answer.")
        if !withoutData.isEmpty {
            let list = withoutData.map(\.description).joined(separator: ", ")
            baseline += language.pick(
                " Perioder utan några rapporter (\(list)) visas som ingen data (–), inte 0, och räknas inte in i baslinjen; utan data i någon av baslinjens perioder finns ingen baslinje, och antal får då status \(name(.green)) och kan inte vara hotspots.",
                " Periods without any reports (\(list)) show as no data (–), not 0, and are left out of the baseline; without data in any baseline period there is no baseline, and counts are then \(name(.green)) and cannot be hotspots.")
        }
        return .init(
            baseline: baseline,
            status: statusMethod(language, rules: rules, indicators: indicators, counts: language.pick(
                "Antal: \(name(.red)) vid \(threshold(rules.red)), \(name(.orange)) vid \(threshold(rules.orange)), \(name(.yellow)) vid \(threshold(rules.yellow)), annars \(name(.green)).",
                "Counts: \(name(.red)) at \(threshold(rules.red)), \(name(.orange)) at \(threshold(rules.orange)), \(name(.yellow)) at \(threshold(rules.yellow)), otherwise \(name(.green)).")),
            hotspots: language.pick(
                "Ensidigt Poissontest av antalet mot baslinjen (lägst \(format(minimumMean)) per period), justerat för många jämförelser med Benjamini–Hochberg; hotspot om justerat p < \(format(significance)).",
                "One-sided Poisson test of the count against the baseline (at least \(format(minimumMean)) per period), adjusted for multiple comparisons with Benjamini–Hochberg; a hotspot when the adjusted p < \(format(significance))."),
            recurringPlaces: language.pick(
                "Samma indikator på samma plats (område av typen plats, eller platsangivelse i rapporterna) i minst 3 av de 4 senaste perioderna.",
                "The same indicator at the same place (an area of kind place, or a place text in reports) in at least 3 of the last 4 periods."),
            score: language.pick(
                "Poäng = summan av indikatorns vikt × periodens värde över alla indikatorer i området. Rang 1 är högst.",
                "Score = the sum of each indicator's weight × the period's value over the area's indicators. Rank 1 is highest."))
    }

    /// The status method in words: `counts`, then the level and area rules the kommun wrote (the
    /// platform's own in the words it has always used).
    private static func statusMethod(_ language: Language, rules: StatusRules, indicators: [Indicator], counts: String) -> String {
        func name(_ status: Lagesbild.Status) -> String { rules.name(status, language) }
        func from(_ pairs: [(Lagesbild.Status, String?)]) -> String {
            pairs.compactMap { status, text in text.map { "\(name(status)) " + language.pick("från ", "from ") + $0 } }
                .joined(separator: ", ")
        }
        func from(_ levels: StatusRules.LevelThresholds) -> String {
            from([(.yellow, levels.yellow.map(String.init)), (.orange, levels.orange.map(String.init)), (.red, levels.red.map(String.init))])
        }
        var text = counts + " "
        if let levels = rules.levels {
            text += language.pick("Nivåer: ", "Levels: ") + from(levels)
                + language.pick(" (svaret på skalan), annars \(name(.green)).", " (the answer on the scale), otherwise \(name(.green)).")
        } else {
            text += language.pick(
                "Nivåer: \(name(.yellow)) från en tredjedel av skalan, \(name(.orange)) från två tredjedelar, \(name(.red)) vid skalans topp.",
                "Levels: \(name(.yellow)) from a third of the scale, \(name(.orange)) from two thirds, \(name(.red)) at the top.")
        }
        let own = indicators.compactMap { indicator in indicator.statusLevels.map { "\(indicator.name.text(language)): " + from($0) } }
        if !own.isEmpty { text += language.pick(" Egna gränser: ", " Their own thresholds: ") + own.joined(separator: "; ") + "." }
        let areas = rules.areas
        guard areas != .standard else { return text }
        var parts: [String] = areas.worstCell ? [language.pick("minst lika illa som sin sämsta ruta", "at least as bad as its worst cell")] : []
        for rule in areas.rules {
            let counts = [(Lagesbild.Status.yellow, rule.yellow), (.orange, rule.orange), (.red, rule.red)]
                .compactMap { status, count in count.map { language.pick("\($0) rutor \(name(status)) eller värre", "\($0) cells \(name(status)) or worse") } }
            parts.append(name(rule.status) + language.pick(" vid ", " at ") + counts.joined(separator: language.pick(" och ", " and ")))
        }
        if let score = areas.score {
            func number(_ value: Double?) -> String? { value.map { language.number($0, decimals: 3) } }
            parts.append(language.pick("efter viktad poäng (vikt × 0–3 per ruta från \(name(.green)) till \(name(.red))): ",
                                       "by weighted score (weight × 0–3 per cell from \(name(.green)) to \(name(.red))): ")
                + from([(.yellow, number(score.yellow)), (.orange, number(score.orange)), (.red, number(score.red))]))
        }
        return text + language.pick(" Område: ", " Area: ") + parts.joined(separator: "; ") + "."
    }

    /// Rounds to `places` decimals, so output is stable across platforms.
    static func rounded(_ value: Double, places: Int = 2) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
