import Foundation

/// One intervention's difference-in-differences estimate: the targeted indicators in its areas, before and
/// during/after its start, against the kommun's other areas over the same weeks.
public struct InterventionEffect: Sendable, Hashable, Codable {
    /// What the data can say.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// The whole interval is below 0: a larger decrease (or smaller increase) than in the other areas.
        case decreasedMore = "decreased-more"
        /// The whole interval is above 0.
        case increasedMore = "increased-more"
        /// The interval includes 0: no clear association.
        case noClearDifference = "no-clear-difference"
        /// Too few weeks or events to estimate.
        case tooLittleData = "too-little-data"
    }

    public var id: String
    public var title: String
    public var areas: [String]
    public var indicators: [String]
    public var start: CalendarDate
    /// The number of whole weeks on each side; the same before and after.
    public var weeks: Int
    /// The first and last day of the weeks before and after.
    public var before: [CalendarDate]
    public var after: [CalendarDate]
    /// Σ value of the targeted indicators: in the intervention's areas, and in the comparison areas.
    public var treatedBefore: Int
    public var treatedAfter: Int
    public var comparisonBefore: Int
    public var comparisonAfter: Int
    /// The overdispersion factor used (the mean of variance ÷ mean of the weekly counts, at least 1).
    public var dispersion: Double
    /// The ratio of ratios, (after/before in the areas) ÷ (after/before elsewhere), with its 95 % interval;
    /// nil when there is too little data.
    public var ratio: Double?
    public var low: Double?
    public var high: Double?
    public var verdict: Verdict
    /// The result in plain language: Swedish, or English when the analysis was made in English.
    public var sentence: String
}
