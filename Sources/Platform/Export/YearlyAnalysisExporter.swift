import Foundation

/// The yearly analysis as Markdown (for reading and for the åtgärdsplan) or JSON (for other tools).
public enum YearlyAnalysisExporter {
    /// The formats `analys --format` accepts.
    public static let formats = ["md", "json"]

    /// The analysis in `format` (`md` or `json`); nil for another format.
    public static func export(_ analysis: YearlyAnalysis, format: String) throws -> String? {
        switch format {
        case "md": return markdown(analysis)
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Document(analysis))
            return String(decoding: data, as: UTF8.self) + "\n"
        default: return nil
        }
    }

    /// Dates as `YYYY-MM-DD` strings in JSON.
    private struct Document: Encodable {
        let analysis: YearlyAnalysis
        init(_ analysis: YearlyAnalysis) { self.analysis = analysis }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(analysis.kommun, forKey: .kommun)
            try container.encode(analysis.year, forKey: .year)
            try container.encode(analysis.through?.description, forKey: .through)
            try container.encode(analysis.method, forKey: .method)
            try container.encode(analysis.effects.map(Effect.init), forKey: .interventions)
            try container.encode(analysis.skipped, forKey: .skipped)
        }

        enum Key: String, CodingKey { case kommun, year, through, method, interventions, skipped }
    }

    private struct Effect: Encodable {
        let id, title, start, verdict, sentence: String
        let areas, indicators, before, after: [String]
        let weeks, treatedBefore, treatedAfter, comparisonBefore, comparisonAfter: Int
        let dispersion: Double
        let ratio, low, high: Double?

        init(_ e: InterventionEffect) {
            id = e.id; title = e.title; start = e.start.description; verdict = e.verdict.rawValue; sentence = e.sentence
            areas = e.areas; indicators = e.indicators; before = e.before.map(\.description); after = e.after.map(\.description)
            weeks = e.weeks; treatedBefore = e.treatedBefore; treatedAfter = e.treatedAfter
            comparisonBefore = e.comparisonBefore; comparisonAfter = e.comparisonAfter
            dispersion = e.dispersion; ratio = e.ratio; low = e.low; high = e.high
        }
    }

    /// The analysis as Markdown, in Swedish.
    public static func markdown(_ analysis: YearlyAnalysis) -> String {
        var lines = ["# Årlig analys av insatser \(analysis.year), \(analysis.kommunName)", ""]
        lines.append("Rapporter till och med \(analysis.through?.description ?? "–"). \(analysis.effects.count) insatser analyserade.")
        lines.append("")
        lines.append("## Resultat")
        lines.append("")
        if analysis.effects.isEmpty { lines.append("Inga insatser med områden och indikatorer pågick under året.") }
        for effect in analysis.effects {
            lines.append("### \(escape(effect.id)) \(escape(effect.title))")
            lines.append("")
            lines.append("- Start \(effect.start); jämförda veckor: \(effect.before[0]) – \(effect.before[1]) och \(effect.after[0]) – \(effect.after[1]) (\(effect.weeks) veckor var).")
            lines.append("- Bedömning: **\(label(effect.verdict))**. \(escape(effect.sentence))")
            lines.append("")
            lines.append("| | före | efter |")
            lines.append("|---|---:|---:|")
            lines.append("| insatsens områden | \(effect.treatedBefore) | \(effect.treatedAfter) |")
            lines.append("| övriga områden | \(effect.comparisonBefore) | \(effect.comparisonAfter) |")
            lines.append("")
        }
        if !analysis.skipped.isEmpty {
            lines.append("## Ej analyserade")
            lines.append("")
            for item in analysis.skipped { lines.append("- \(escape(item.id)) \(escape(item.title)): \(escape(item.reason))") }
            lines.append("")
        }
        lines.append("## Metod")
        lines.append("")
        lines.append(analysis.method)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict in a few Swedish words.
    public static func label(_ verdict: InterventionEffect.Verdict) -> String {
        switch verdict {
        case .decreasedMore: "minskade mer än i övriga områden"
        case .increasedMore: "ökade mer än i övriga områden"
        case .noClearDifference: "inget säkert samband"
        case .tooLittleData: "för lite data"
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
