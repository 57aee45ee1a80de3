import Foundation
import Platform

/// The lägesbild as Markdown that reads well as plain text and renders well: a summary first (what
/// happened, what is new, what is rising, who has not reported), then the details. Every text from a
/// report or the kommun's file (notes, places, names, titles) is written inline-escaped (`MarkdownText`): no
/// HTML, link, emphasis, heading or list item can come from it, and its line breaks are spaces.
public struct MarkdownExporter: Exporter {
    public let id = "md"
    public let displayName = "Markdown"
    public let fileExtension = "md"
    public let mediaType = "text/markdown; charset=utf-8"

    public init() {}

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        var document = MarkdownDocument(lagesbild: lagesbild, language: options.language)
        return Data(document.render().utf8)
    }
}

/// Builds the Markdown text section by section.
private struct MarkdownDocument {
    let lagesbild: Lagesbild
    let language: Language
    private var lines: [String] = []

    init(lagesbild: Lagesbild, language: Language) {
        self.lagesbild = lagesbild
        self.language = language
    }

    private func t(_ sv: String, _ en: String) -> String { language.pick(sv, en) }
    private func n(_ value: Double) -> String { language.number(value) }
    private func n(_ value: Double?) -> String { language.number(value) }

    mutating func render() -> String {
        let period = Period(lagesbild.period.id)
        let periodLabel = period?.label(language) ?? lagesbild.period.id
        lines.append("# " + t("Lägesbild", "Situation picture") + " \(inline(lagesbild.subjectName)), \(periodLabel)")
        lines.append("")
        lines.append(t("Period", "Period") + ": \(lagesbild.period.start) – \(lagesbild.period.end) (\(lagesbild.period.id)). "
            + t("Jämförs med föregående period \(lagesbild.period.previous), samma period förra året \(lagesbild.period.lastYear) och baslinjen \(baselineSpan).",
                "Compared with the previous period \(lagesbild.period.previous), the same period last year \(lagesbild.period.lastYear) and the baseline \(baselineSpan)."))
        lines.append("")
        var roles = [t("Sammanställd av", "Compiled by") + ": " + inline(lagesbild.distribution.compiledBy.name)]
        if let analysed = lagesbild.distribution.analysedBy { roles.append(t("Analyseras av", "Analysed by") + ": " + inline(analysed.name)) }
        if let readBy = lagesbild.distribution.readBy { roles.append(t("Läses av", "Read by") + ": " + inline(readBy.name)) }
        lines.append(roles.joined(separator: ". ") + ".")
        summary()
        hotspots()
        newCells()
        rising()
        otherSources()
        recurring()
        scores()
        completeness()
        notes()
        interventions()
        upcoming()
        feedback()
        methods()
        return lines.joined(separator: "\n") + "\n"
    }

    private var baselineSpan: String {
        guard let first = lagesbild.period.baselinePeriods.first, let last = lagesbild.period.baselinePeriods.last else { return "" }
        return "\(first)–\(last)"
    }

    private mutating func section(_ title: String) {
        lines.append("")
        lines.append("## \(title)")
        lines.append("")
    }

    private mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) {
        lines.append("| " + header.map(inline).joined(separator: " | ") + " |")
        lines.append("|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.map(inline).joined(separator: " | ") + " |") }
    }

    private func inline(_ text: String) -> String {
        MarkdownText.inline(text)
    }

    private mutating func summary() {
        section(t("I korthet", "At a glance"))
        let highlights = lagesbild.highlights
        let events = n(highlights.events) + (highlights.events == 1 ? t(" händelse", " event") : t(" händelser", " events"))
        lines.append("- " + t("\(events) i \(highlights.areasWithEvents.counted("område", plural: "områden")) (föregående period: \(language.numberInText(highlights.previousEvents))).",
                              "\(events) in \(highlights.areasWithEvents.counted("area")) (previous period: \(language.numberInText(highlights.previousEvents)))."))
        lines.append("- " + t("\(lagesbild.hotspots.count.counted("hotspot")), \(highlights.new.count.counted("ny", plural: "nya")), \(highlights.rising.count) stigande (orange eller röda).",
                              "\(lagesbild.hotspots.count.counted("hotspot")), \(highlights.new.count) new, \(highlights.rising.count) rising (orange or red)."))
        let completeness = lagesbild.completeness
        var reporting = t("\(completeness.reported) av \(completeness.expected) förväntade rapportörer har rapporterat",
                          "\(completeness.reported) of \(completeness.expected) expected reporters have reported")
        let missing = highlights.missingReporters.map(\.name)
        reporting += missing.isEmpty ? "." : t("; saknas: ", "; missing: ") + missing.map(inline).joined(separator: ", ") + "."
        lines.append("- " + reporting)
        if !highlights.topAreas.isEmpty {
            lines.append("- " + t("Högst poäng: ", "Highest scores: ")
                + highlights.topAreas.map { "\(inline($0.areaName)) (\(n($0.score)))" }.joined(separator: ", ") + ".")
        }
    }

    private mutating func hotspots() {
        section(t("Hotspots", "Hotspots"))
        guard !lagesbild.hotspots.isEmpty else {
            lines.append(t("Inga hotspots denna period.", "No hotspots this period."))
            return
        }
        table([t("Område", "Area"), t("Indikator", "Indicator"), t("Antal", "Count"), t("Baslinje", "Baseline"), t("p (justerat)", "p (adjusted)")],
              lagesbild.hotspots.map { [lagesbild.areaName($0.area), lagesbild.indicatorName($0.indicator), n($0.value),
                                        n($0.baseline), pValue($0.adjustedPValue)] }, numeric: [2, 3, 4])
    }

    private func pValue(_ p: Double) -> String {
        p < 0.001 ? "< 0" + (language == .sv ? "," : ".") + "001" : language.number(p, decimals: 3)
    }

    private mutating func newCells() {
        section(t("Nytt denna period", "New this period"))
        let new = lagesbild.highlights.new
        guard !new.isEmpty else {
            lines.append(t("Inget nytt: alla händelser är i områden och indikatorer med händelser under baslinjen.",
                           "Nothing new: every event is in an area and indicator with events in the baseline."))
            return
        }
        for cell in new {
            lines.append("- \(inline(lagesbild.indicatorName(cell.indicator))) " + t("i", "in") + " \(inline(lagesbild.areaName(cell.area))): \(n(cell.value))")
        }
    }

    private mutating func rising() {
        section(t("Stigande (orange och röd)", "Rising (orange and red)"))
        let rising = lagesbild.highlights.rising
        guard !rising.isEmpty else {
            lines.append(t("Inga områden över sin baslinje i orange eller röd nivå.", "No area above its baseline at orange or red."))
            return
        }
        table([t("Område", "Area"), t("Indikator", "Indicator"), t("Värde", "Value"), t("Föreg.", "Prev."),
               t("Förra året", "Last year"), t("Baslinje", "Baseline"), t("Förändring", "Change"), t("Status", "Status")],
              rising.map { [lagesbild.areaName($0.area), lagesbild.indicatorName($0.indicator), n($0.value), n($0.previous),
                            n($0.lastYear), n($0.baseline), ($0.change ?? 0 > 0 ? "+" : "") + n($0.change), $0.statusLabel] },
              numeric: [2, 3, 4, 5, 6])
    }

    /// Statistics and reports from the public beside the observations, only for a kommun that has them.
    private mutating func otherSources() {
        guard let sources = lagesbild.sources else { return }
        section(t("Andra källor", "Other sources"))
        lines.append(Lagesbild.SourceSummary.explanation(language))
        lines.append("")
        for source in sources { lines.append("- " + source.line(language, periodEnd: lagesbild.period.end)) }
        let shown = lagesbild.cells.filter { $0.sources != nil }
        guard !shown.isEmpty else { return }
        lines.append("")
        table([t("Område", "Area"), t("Indikator", "Indicator"), t("Observationer", "Observations")]
                + sources.map { "\($0.name) \($0.label)" },
              shown.map { cell in
                  [lagesbild.areaName(cell.area), lagesbild.indicatorName(cell.indicator), n(cell.value)]
                      + sources.map { source in
                          cell.sources?.value(of: source.source).map(n) ?? "–"
                      }
              }, numeric: Set(2..<(3 + sources.count)))
    }

    private mutating func recurring() {
        section(t("Återkommande platser", "Recurring places"))
        guard !lagesbild.recurringPlaces.isEmpty else {
            lines.append(t("Ingen indikator återkommer på samma plats i minst 3 av de 4 senaste perioderna.",
                           "No indicator recurs at the same place in at least 3 of the last 4 periods."))
            return
        }
        for place in lagesbild.recurringPlaces {
            let name = inline(lagesbild.areaName(place.area)) + (place.place.map { ", \(inline($0))" } ?? "")
            lines.append("- \(inline(lagesbild.indicatorName(place.indicator))) " + t("i", "in") + " \(name): "
                + place.periods.joined(separator: ", ") + " (\(place.reports) " + t("rapporter", "reports") + ")")
        }
    }

    private mutating func scores() {
        section(t("Områden efter poäng", "Areas by score"))
        defer { areaStatuses() }
        let scored = lagesbild.areaScores.filter { $0.score > 0 }
        guard !scored.isEmpty else {
            lines.append(t("Inga händelser denna period.", "No events this period."))
            return
        }
        // Per area, in one pass over the cells: the count indicators' events (summed in cell order) and the worst status.
        let measures = Dictionary(lagesbild.indicators.map { ($0.id, $0.measure) }, uniquingKeysWith: { first, _ in first })
        var events: [String: Double] = [:]
        var worst: [String: Lagesbild.Status] = [:]
        for cell in lagesbild.cells {
            if measures[cell.indicator] == "count" { events[cell.area, default: 0] += cell.value }
            worst[cell.area] = max(worst[cell.area] ?? cell.status, cell.status)
        }
        table([t("Rang", "Rank"), t("Område", "Area"), t("Poäng", "Score"), t("Händelser", "Events"), t("Värst", "Worst")],
              scored.map { score in
                  [String(score.rank), lagesbild.areaName(score.area), n(score.score), n(events[score.area] ?? 0),
                   lagesbild.statusName(worst[score.area] ?? .green)]
              }, numeric: [0, 2, 3])
    }

    /// Each area's computed and assessed status, when they say more than the worst cell in the table above.
    private mutating func areaStatuses() {
        guard lagesbild.showsAreaStatuses else { return }
        lines.append("")
        lines.append("**" + t("Områdesstatus", "Area status") + "**")
        lines.append("")
        table([t("Område", "Area"), t("Beräknad", "Computed"), t("Bedömd", "Assessed"), t("Bedömd av", "Assessed by"),
               t("Från", "From"), t("Skäl", "Reason")],
              lagesbild.areaStatuses.map { status in
                  [status.areaName, status.statusLabel, status.assessed?.statusLabel ?? "–", status.assessed?.by.name ?? "",
                   status.assessed?.on ?? "", status.assessed?.reason ?? ""]
              })
    }

    private mutating func completeness() {
        section(t("Rapportering", "Reporting"))
        let completeness = lagesbild.completeness
        lines.append(t("Rapporterna skulle vara inne ", "Reports were due ") + completeness.due.replacingOccurrences(of: "T", with: " ")
            + (completeness.dueFor.map { t(", till ", ", for ") + $0 } ?? "") + ".")
        lines.append("")
        table([t("Rapportör", "Reporter"), t("Rader", "Rows"), t("Status", "Status"), t("I tid", "On time")],
              completeness.reporters.map { reporter in
                  let status = reporter.reported ? t("rapporterat", "reported")
                      : reporter.expected ? t("saknas", "missing") : t("ej förväntad", "not expected")
                  return [reporter.name, String(reporter.rows), status, reporter.timeliness.label(language)]
              }, numeric: [1])
    }

    private mutating func interventions() {
        section(t("Insatser och prioriteringar", "Interventions and priorities"))
        let interventions = lagesbild.interventions
        if let priorities = interventions.priorities {
            lines.append(t("Prioriterade områden \(priorities.period)", "Priority areas \(priorities.period)") + ": "
                + priorities.areas.map { inline($0.name) }.joined(separator: ", ")
                + t(" (beslutat av \(inline(priorities.decidedBy.name)) \(priorities.decidedOn)).",
                    " (decided by \(inline(priorities.decidedBy.name)) on \(priorities.decidedOn))."))
        } else {
            lines.append(t("Inga beslutade prioriterade områden.", "No priority areas decided."))
        }
        for (title, items) in [(t("Nya förslag", "New proposals"), interventions.proposed),
                               (t("Pågående", "Under way"), interventions.underWay),
                               (t("Att följa upp", "Due for follow-up"), interventions.followUpsDue)] {
            lines.append("")
            lines.append("**\(title)**" + (items.isEmpty ? ": " + t("inga.", "none.") : ""))
            for item in items {
                var line = "- \(inline(item.id)) \(inline(item.title))"
                if !item.areas.isEmpty { line += " (" + item.areas.map { inline($0.name) }.joined(separator: ", ") + ")" }
                if let owner = item.owner { line += t(", ansvarig: ", ", owner: ") + inline(owner.name) }
                if let end = item.plannedEnd { line += t(", planerat slut ", ", planned end ") + end }
                lines.append(line)
            }
        }
    }

    private mutating func upcoming() {
        section(t("Nästa period", "Next period"))
        guard !lagesbild.upcoming.isEmpty else {
            lines.append(t("Inga möten enligt kommunens fil.", "No meetings in the kommun's file."))
            return
        }
        for meeting in lagesbild.upcoming {
            var line = "- \(meeting.date)" + (meeting.start.map { " \($0)" } ?? "") + " \(inline(meeting.title))"
            if let location = meeting.location { line += " – \(inline(location))" }
            if !meeting.notes.isEmpty { line += " (" + meeting.notes.map(inline).joined(separator: "; ") + ")" }
            lines.append(line)
        }
    }

    private mutating func notes() {
        section(t("Noteringar", "Notes"))
        guard !lagesbild.notes.isEmpty else {
            lines.append(t("Inga noteringar denna period.", "No notes this period."))
            return
        }
        let names = Dictionary(lagesbild.completeness.reporters.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for area in lagesbild.areas where lagesbild.notes.contains(where: { $0.area == area.id }) {
            lines.append("### \(inline(area.name))")
            lines.append("")
            for note in lagesbild.notes where note.area == area.id {
                var when = note.date
                if let time = note.time { when += " \(time)" }
                var what = inline(lagesbild.indicatorName(note.indicator))
                if let place = note.place { what += ", \(inline(place))" }
                lines.append("- \(when), \(what) (\(inline(names[note.reporter] ?? note.reporterName))): \(inline(note.text ?? ""))")
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
    }

    private mutating func feedback() {
        section(t("Återkoppling", "Feedback"))
        guard !lagesbild.distribution.feedback.isEmpty else {
            lines.append(t("Kommunens fil anger ingen återkopplingskedja.", "The kommun's file gives no feedback chain."))
            return
        }
        for step in lagesbild.distribution.feedback {
            lines.append("\(step.order). \(inline(step.from.name)) → \(inline(step.to.name))" + (step.about.map { ": \(inline($0))" } ?? ""))
        }
    }

    private mutating func methods() {
        section(t("Så är siffrorna gjorda", "How the numbers are made"))
        let methods = lagesbild.methods
        lines.append("- " + methods.baseline)
        lines.append("- " + methods.status)
        lines.append("- " + methods.hotspots)
        lines.append("- " + methods.recurringPlaces)
        lines.append("- " + methods.score)
    }
}
