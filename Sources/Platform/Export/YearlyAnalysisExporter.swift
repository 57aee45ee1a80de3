import Foundation

/// The yearly analysis as Markdown (for reading and for the åtgärdsplan) or JSON (for other tools).
public enum YearlyAnalysisExporter {
    /// The formats `analys --format` accepts.
    public static let formats = ["md", "json"]

    /// The analysis in `format` (`md` or `json`); nil for another format.
    /// `language` is the language of the Markdown labels; the sentences are the analysis's own.
    public static func export(_ analysis: YearlyAnalysis, format: String, language: Language = .sv) throws -> String? {
        switch format {
        case "md": return markdown(analysis, language: language)
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(analysis)
            return String(decoding: data, as: UTF8.self) + "\n"
        default: return nil
        }
    }

    /// The analysis as Markdown, in Swedish or English (the sentences and the method are the analysis's own,
    /// so make it in the same language).
    public static func markdown(_ analysis: YearlyAnalysis, language: Language = .sv) -> String {
        let l = language
        let yearly = analysis.period == String(analysis.year)
        var lines = [yearly ? l.pick("# Årlig analys av insatser \(analysis.year), \(analysis.kommunName)",
                                     "# Yearly analysis of interventions \(analysis.year), \(analysis.kommunName)")
                            : l.pick("# Analys av insatser \(analysis.periodLabel), \(analysis.kommunName)",
                                     "# Analysis of interventions \(analysis.periodLabel), \(analysis.kommunName)"), ""]
        let through = analysis.through?.description ?? "–", count = analysis.effects.count
        lines.append(l.pick("Rapporter till och med \(through). " + count.counted("insats", plural: "insatser") + (count == 1 ? " analyserad." : " analyserade."),
                            "Reports up to and including \(through). \(count.counted("intervention")) analysed."))
        lines.append("")
        lines.append(l.pick("## Resultat", "## Results"))
        lines.append("")
        if analysis.effects.isEmpty {
            lines.append(yearly ? l.pick("Inga insatser med områden och indikatorer pågick under året.",
                                         "No interventions with areas and indicators were under way during the year.")
                                : l.pick("Inga insatser med områden och indikatorer pågick under perioden.",
                                         "No interventions with areas and indicators were under way during the period."))
        }
        for effect in analysis.effects {
            lines.append("### \(escape(effect.id)) \(escape(effect.title))")
            lines.append("")
            let before = "\(effect.before[0]) – \(effect.before[1])", after = "\(effect.after[0]) – \(effect.after[1])"
            lines.append(l.pick("- Start \(effect.start); jämförda veckor: \(before) och \(after) (\(effect.weeks) veckor var).",
                                "- Start \(effect.start); weeks compared: \(before) and \(after) (\(effect.weeks) weeks each)."))
            lines.append(l.pick("- Bedömning: ", "- Assessment: ") + "**\(label(effect.verdict, l))**. \(escape(effect.sentence))")
            lines.append("")
            lines.append(l.pick("| | före | efter |", "| | before | after |"))
            lines.append("|---|---:|---:|")
            lines.append("| \(l.pick("insatsens områden", "the intervention's areas")) | \(effect.treatedBefore) | \(effect.treatedAfter) |")
            lines.append("| \(l.pick("övriga områden", "other areas")) | \(effect.comparisonBefore) | \(effect.comparisonAfter) |")
            lines.append("")
        }
        if !analysis.skipped.isEmpty {
            lines.append(l.pick("## Ej analyserade", "## Not analysed"))
            lines.append("")
            for item in analysis.skipped { lines.append("- \(escape(item.id)) \(escape(item.title)): \(escape(item.reason))") }
            lines.append("")
        }
        lines.append(l.pick("## Metod", "## Method"))
        lines.append("")
        lines.append(analysis.method)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verdict in a few words, Swedish by default.
    public static func label(_ verdict: InterventionEffect.Verdict, _ language: Language = .sv) -> String {
        switch verdict {
        case .decreasedMore: language.pick("minskade mer än i övriga områden", "decreased more than in the other areas")
        case .increasedMore: language.pick("ökade mer än i övriga områden", "increased more than in the other areas")
        case .noClearDifference: language.pick("inget säkert samband", "no reliable association")
        case .tooLittleData: language.pick("för lite data", "too little data")
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
