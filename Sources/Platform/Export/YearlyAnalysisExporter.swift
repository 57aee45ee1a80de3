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
            let data = try encoder.encode(analysis)
            return String(decoding: data, as: UTF8.self) + "\n"
        default: return nil
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
