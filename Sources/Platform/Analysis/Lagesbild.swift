/// The situation picture for one kommun and period: what happened where, what is new, what is rising,
/// who reported and who did not, the period's notes, and who compiles and receives it.
///
/// Independent of any output format; exporters turn it into Markdown, JSON, CSV and more. Names are in
/// the language it was compiled for. Its JSON form, with `schemaVersion`, is the contract for external
/// exporters (`schemas/lagesbild.schema.json`).
public struct Lagesbild: Sendable, Hashable, Codable {
    /// The version of the JSON contract; raised on any incompatible change.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var language: Language
    public var kommun: KommunSummary
    /// Which of the kommun's lägesbilder this is, when its file gives several; nil (and left out of the
    /// JSON) when it gives one.
    public var definition: Definition?
    public var period: PeriodSummary
    /// The area the lägesbild is for, with the areas below it; nil, and left out of the JSON, for the
    /// whole kommun.
    public var area: Party? = nil

    /// What the lägesbild is about, for titles: `Lysekils kommun`, an area's `Vivalla, Örebro kommun`.
    public var subjectName: String {
        (area.map { "\($0.name), " } ?? "") + kommun.name
    }
    public var areas: [AreaSummary]
    public var indicators: [IndicatorSummary]
    /// One per area × indicator, in area then checklist order.
    public var cells: [Cell]
    /// What a reader should see first: totals, what is new and rising, the top areas, who is missing.
    public var highlights: Highlights
    public var hotspots: [Hotspot]
    public var recurringPlaces: [RecurringPlace]
    /// Areas by score, highest first.
    public var areaScores: [AreaScore]
    /// Per area, in area order: the status computed by the kommun's rules and the one a body assessed.
    public var areaStatuses: [AreaStatus]
    /// The status levels, green to red, with the kommun's names and colours.
    public var statusScale: [StatusLevel]
    /// Per indicator, summed over all areas.
    public var indicatorTotals: [IndicatorTotal]
    /// Events per area and period over the last 12 periods, for trend lines.
    public var history: History
    public var completeness: Completeness
    public var notes: [Note]
    /// The meetings of the next period, from the kommun file's cadences.
    public var upcoming: [Meeting]
    /// Interventions proposed this period, under way, and due for follow-up; the current priority areas.
    public var interventions: Interventions
    public var distribution: Distribution
    /// How the numbers are made, in words, for the reader.
    public var methods: Methods
    /// Statistics and reports from the public, beside the observations (never summed into them); nil, and
    /// left out of the JSON, when every reporter of the kommun delivers observations.
    public var sources: [SourceSummary]? = nil

    public struct KommunSummary: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var lan: String
    }

    public struct Definition: Sendable, Hashable, Codable {
        /// The lägesbild's id in the kommun file (`tertialanalys`).
        public var id: String
        public var name: String?
    }

    public struct PeriodSummary: Sendable, Hashable, Codable {
        /// `2026-W47`.
        public var id: String
        /// `vecka 47 2026`, in the lägesbild's language.
        public var label: String
        public var kind: String
        public var start: String
        public var end: String
        public var previous: String
        public var lastYear: String
        /// The periods the baseline is the mean of, oldest first.
        public var baselinePeriods: [String]
    }

    public struct AreaSummary: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var kind: String
        public var parent: String?
        /// 0 for a top-level area.
        public var depth: Int
        public var lat: Double?
        public var lon: Double?
        /// The area's outline as a closed ring of `[lon, lat]` positions (GeoJSON order, WGS 84), the first
        /// repeated last, in the order the kommun file gives them (either orientation); nil, and left out of
        /// the JSON, when the kommun file has none.
        public var boundary: [[Double]]?
    }

    public struct IndicatorSummary: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var category: String
        public var categoryName: String
        /// `count` or `level`.
        public var measure: String
        public var weight: Double
        public var scaleMin: Int?
        public var scaleMax: Int?
    }

    /// A status level.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case green, yellow, orange, red

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
    }

    public struct Cell: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        public var indicator: String
        public var indicatorName: String
        /// The sum of counts, or the highest level answered in the period (the scale's lowest when none).
        public var value: Double
        /// Nil (no data) when the kommun has no reports at all in that period.
        @NullWhenNoData public var previous: Double?
        @NullWhenNoData public var lastYear: Double?
        /// The mean of those of the 8 periods before this one that have reports; nil when none has.
        @NullWhenNoData public var baseline: Double?
        /// `value − baseline` (both as given here, rounded to two decimals); nil without a baseline.
        @NullWhenNoData public var change: Double?
        public var status: Status
        /// The status in the lägesbild's language.
        public var statusLabel: String
        /// Events this period (a level above the scale's lowest) in a cell that had none in the baseline periods.
        public var isNew: Bool
        /// What the other sources say about this area and indicator; nil, and left out of the JSON, when none
        /// has a row for it. Never part of `value` or anything made from it.
        public var sources: SourceValues? = nil
    }

    public struct Highlights: Sendable, Hashable, Codable {
        /// Events this period and the period before (count indicators, all areas).
        public var events: Double
        /// Nil when the kommun has no reports at all in the previous period.
        @NullWhenNoData public var previousEvents: Double?
        /// Areas with at least one event.
        public var areasWithEvents: Int
        /// Cells with `isNew`.
        public var new: [Cell]
        /// Orange and red cells, worst first.
        public var rising: [Cell]
        /// Up to three areas with the highest score above 0.
        public var topAreas: [AreaScore]
        /// Expected reporters that stored nothing for the period.
        public var missingReporters: [Party]
    }

    public struct Hotspot: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        public var indicator: String
        public var indicatorName: String
        public var value: Double
        public var baseline: Double
        /// One-sided Poisson p-value of at least `value` events given the baseline.
        public var pValue: Double
        /// Benjamini–Hochberg adjusted p-value across the period's cells.
        public var adjustedPValue: Double
    }

    public struct RecurringPlace: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        /// The place text, or nil when the area itself recurs.
        public var place: String?
        public var indicator: String
        public var indicatorName: String
        /// The periods among the last four with reports of the indicator here.
        public var periods: [String]
        /// Report rows behind it over those periods.
        public var reports: Int
    }

    public struct AreaScore: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        public var score: Double
        public var rank: Int
    }

    /// One status level of the kommun's scale.
    public struct StatusLevel: Sendable, Hashable, Codable {
        public var status: Status
        /// In the lägesbild's language.
        public var name: String
        /// `#rrggbb`.
        public var colour: String
    }

    /// An area's status: computed from its cells by the kommun's rules, and assessed by a body.
    public struct AreaStatus: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        public var status: Status
        public var statusLabel: String
        /// The latest status a body set for the area on or before the period's end; nil when none.
        public var assessed: AssessedStatus?
    }

    /// A status a body set for an area, with its reason.
    public struct AssessedStatus: Sendable, Hashable, Codable {
        public var status: Status
        public var statusLabel: String
        public var by: Party
        /// The day it was set.
        public var on: String
        public var reason: String
    }

    public struct IndicatorTotal: Sendable, Hashable, Codable {
        public var indicator: String
        public var indicatorName: String
        /// Counts summed over all areas; for a level indicator, the highest answer in any area.
        public var value: Double
        /// Nil (no data) when the kommun has no reports at all in that period.
        @NullWhenNoData public var previous: Double?
        @NullWhenNoData public var lastYear: Double?
        /// The mean of the same totals over those of the 8 periods before that have reports; nil when none has.
        @NullWhenNoData public var baseline: Double?
    }

    public struct History: Sendable, Hashable, Codable {
        /// The last 12 periods, oldest first, ending with this one.
        public var periods: [String]
        /// Per area: the events (count indicators summed) in each of `periods`; nil (no data) in a period
        /// in which the kommun has no reports at all.
        public var areas: [Series]
    }

    public struct Series: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        public var values: [Double?]
    }

    public struct Interventions: Sendable, Hashable, Codable {
        /// Proposed during the period.
        public var proposed: [InterventionItem]
        /// Decided and running at the end of the period.
        public var underWay: [InterventionItem]
        /// Decided, not ended, and not followed up since the deciding body last met (or in 90 days).
        public var followUpsDue: [InterventionItem]
        /// The latest decided priority areas for the analysis period holding this one.
        public var priorities: Priorities?
    }

    public struct InterventionItem: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        /// `proposed`, `decided` or `ended`.
        public var status: String
        public var areas: [Party]
        public var indicators: [Party]
        public var proposedBy: Party
        public var decidedBy: Party?
        public var owner: Party?
        public var start: String?
        public var plannedEnd: String?
    }

    public struct Priorities: Sendable, Hashable, Codable {
        /// The analysis period the decision is for (`2026-Q4`).
        public var period: String
        public var areas: [Party]
        public var decidedBy: Party
        public var decidedOn: String
    }

    public struct Completeness: Sendable, Hashable, Codable {
        public var expected: Int
        public var reported: Int
        /// When the period's reports are due, local time (`2026-11-23T09:00`).
        public var due: String
        /// The meeting they are due for, when the reading body has a cadence.
        public var dueFor: String?
        public var reporters: [ReporterStatus]
    }

    /// Whether a reporter's rows for the period came before the deadline.
    public enum Timeliness: String, Sendable, Hashable, Codable {
        case onTime = "on-time", late, missing
        /// Nothing yet, and the deadline has not passed.
        case pending
    }

    public struct ReporterStatus: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var expected: Bool
        public var rows: Int
        public var reported: Bool
        public var timeliness: Timeliness
        public var firstIngestedAt: String?
        public var lastIngestedAt: String?
        /// True when it recorded "inget att rapportera" for a period overlapping this one (then it reported,
        /// rows or none); absent otherwise.
        public var nothingToReport: Bool?
    }

    public struct Note: Sendable, Hashable, Codable {
        public var area: String
        public var areaName: String
        public var date: String
        public var time: String?
        public var reporter: String
        public var reporterName: String
        public var indicator: String
        public var indicatorName: String
        public var place: String?
        public var text: String?
    }

    public struct Party: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
    }

    public struct FeedbackStep: Sendable, Hashable, Codable {
        public var order: Int
        public var from: Party
        public var to: Party
        public var about: String?
    }

    public struct Distribution: Sendable, Hashable, Codable {
        public var compiledBy: Party
        public var analysedBy: Party?
        public var readBy: Party?
        public var feedback: [FeedbackStep]
    }

    public struct Methods: Sendable, Hashable, Codable {
        public var baseline: String
        public var status: String
        public var hotspots: String
        public var recurringPlaces: String
        public var score: String
    }
}

extension Lagesbild {
    public func area(_ id: String) -> AreaSummary? { areas.first { $0.id == id } }
    public func indicator(_ id: String) -> IndicatorSummary? { indicators.first { $0.id == id } }
    public func areaName(_ id: String) -> String { area(id)?.name ?? id }
    public func indicatorName(_ id: String) -> String { indicator(id)?.name ?? id }
    /// The kommun's name for `status`.
    public func statusName(_ status: Status) -> String {
        statusScale.first { $0.status == status }?.name ?? status.rawValue
    }
    public func areaStatus(_ id: String) -> AreaStatus? { areaStatuses.first { $0.area == id } }
    /// Whether the area statuses say more than each area's worst cell: a body assessed one, or the kommun's
    /// area rules raised one. Exporters then show them in a table of their own.
    public var showsAreaStatuses: Bool {
        if areaStatuses.contains(where: { $0.assessed != nil }) { return true }
        var worst: [String: Status] = [:]
        for cell in cells { worst[cell.area] = max(worst[cell.area] ?? .green, cell.status) }
        return areaStatuses.contains { $0.status != worst[$0.area] ?? .green }
    }
}
