import Platform

/// The åtgärdsplan as Markdown or as one self-contained HTML page (inline style, no scripts, every text escaped).
public enum AtgardsplanExporter {
    /// The formats `atgardsplan --format` accepts.
    public static let formats = ["md", "html"]

    /// The plan in `format`, in `language` (Swedish by default); nil for another format.
    public static func export(_ plan: Atgardsplan, format: String, language: Language = .sv) -> String? {
        switch format {
        case "md": markdown(plan, language: language)
        case "html": html(plan, language: language)
        default: nil
        }
    }

    /// The rows of the interventions table, as plain text.
    private static func rows(_ entries: [Atgardsplan.Entry], plan: Atgardsplan, language: Language) -> [[String]] {
        entries.map { entry in
            let item = entry.intervention
            let followUp = entry.lastFollowUp.map {
                "\($0.date): \($0.outcome?.label(language) ?? "")" + ($0.comment.map { " – \($0)" } ?? "")
            } ?? "–"
            let status = switch item.status {
            case .proposed: language.pick("föreslagen", "proposed")
            case .decided: language.pick("pågår", "under way")
            case .ended: language.pick("avslutad", "ended") + " \(item.endedOn?.description ?? "")"
            }
            return [item.id, item.title, areas(item.areas, plan: plan, language: language),
                    item.indicators.map { plan.indicatorName($0, language) }.joined(separator: ", "),
                    item.owner.map(plan.config.partyName) ?? "–",
                    [item.start?.description, item.plannedEnd?.description].map { $0 ?? "…" }.joined(separator: " – "),
                    status, followUp]
        }
    }

    /// The areas' names, or the whole kommun when there are none.
    private static func areas(_ ids: [String], plan: Atgardsplan, language: Language) -> String {
        ids.isEmpty ? language.pick("hela kommunen", "the whole kommun") : ids.map(plan.areaName).joined(separator: ", ")
    }

    private static func header(_ language: Language) -> [String] {
        language == .en ? ["Id", "Intervention", "Areas", "Indicators", "Responsible", "Period", "Status", "Latest follow-up"]
            : ["Id", "Insats", "Områden", "Indikatorer", "Ansvarig", "Period", "Status", "Senaste uppföljning"]
    }

    private static func proposedHeader(_ language: Language) -> [String] {
        language == .en ? ["Id", "Intervention", "Areas", "Proposed by", "Date"] : ["Id", "Insats", "Områden", "Föreslagen av", "Datum"]
    }

    private static func priorityHeader(_ language: Language) -> [String] {
        language == .en ? ["Period", "Areas", "Decided by", "Date"] : ["Period", "Områden", "Beslutat av", "Datum"]
    }

    private static func proposedRows(_ plan: Atgardsplan, language: Language) -> [[String]] {
        plan.proposed.map { entry in
            let item = entry.intervention
            return [item.id, item.title, areas(item.areas, plan: plan, language: language),
                    plan.config.partyName(item.proposedBy), item.proposedOn.description]
        }
    }

    private static func priorityRows(_ plan: Atgardsplan) -> [[String]] {
        plan.priorities.map { [$0.period.description, $0.areas.map(plan.areaName).joined(separator: ", "),
                               plan.config.partyName($0.decidedBy), $0.decidedOn.description] }
    }

    private static let intro = """
        Planen sammanställer de prioriterade områden och de insatser som beslutats i det trygghetsfrämjande och \
        brottsförebyggande arbetet, med ansvariga och senaste uppföljning (fortsätta, utöka, byta eller avsluta). \
        Den bygger på lägesbilden enligt EST-metoden och lag (2023:196).
        """

    private static let introEnglish = """
        The plan brings together the priority areas and the interventions decided in the work to promote safety \
        and prevent crime, with those responsible and the latest follow-up (continue, expand, change or end). \
        It builds on the situation picture according to the EST method and the Swedish act (2023:196).
        """

    /// The headings and texts of the plan in one language.
    private struct Texts {
        var title: String, intro: String, priorities: String, noPriorities: String
        var decided: String, noDecided: String, proposed: String, noProposed: String

        init(_ plan: Atgardsplan, _ l: Language) {
            title = l.pick("Åtgärdsplan", "Action plan") + " \(plan.year) – \(plan.config.kommun.name)"
            intro = l.pick(AtgardsplanExporter.intro, AtgardsplanExporter.introEnglish)
            priorities = l.pick("Prioriterade områden", "Priority areas")
            noPriorities = l.pick("Inga beslutade prioriteringar för året.", "No priorities decided for the year.")
            decided = l.pick("Beslutade insatser", "Decided interventions")
            noDecided = l.pick("Inga beslutade insatser under året.", "No interventions decided for the year.")
            proposed = l.pick("Föreslagna, ännu inte beslutade", "Proposed, not yet decided")
            noProposed = l.pick("Inga.", "None.")
        }
    }

    /// The plan as Markdown, Swedish by default.
    public static func markdown(_ plan: Atgardsplan, language: Language = .sv) -> String {
        let t = Texts(plan, language)
        func table(_ header: [String], _ rows: [[String]]) -> [String] {
            ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
                + rows.map { "| " + $0.map(MarkdownText.inline).joined(separator: " | ") + " |" }
        }
        var lines = ["# \(MarkdownText.inline(t.title))", "", t.intro, "", "## \(t.priorities)", ""]
        lines += plan.priorities.isEmpty ? [t.noPriorities] : table(priorityHeader(language), priorityRows(plan))
        lines += ["", "## \(t.decided)", ""]
        lines += plan.decided.isEmpty ? [t.noDecided] : table(header(language), rows(plan.decided, plan: plan, language: language))
        lines += ["", "## \(t.proposed)", ""]
        lines += plan.proposed.isEmpty ? [t.noProposed] : table(proposedHeader(language), proposedRows(plan, language: language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plan as one self-contained HTML page, Swedish by default.
    public static func html(_ plan: Atgardsplan, language: Language = .sv) -> String {
        let t = Texts(plan, language)
        func table(_ header: [String], _ rows: [[String]]) -> String {
            "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\($0.htmlEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                + rows.map { "<tr>" + $0.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>\n" }.joined() + "</tbody>\n</table>"
        }
        let title = t.title
        var body = ["<h1>\(title.htmlEscaped)</h1>", "<p>\(t.intro.htmlEscaped)</p>", "<h2>\(t.priorities.htmlEscaped)</h2>"]
        body.append(plan.priorities.isEmpty ? "<p>\(t.noPriorities.htmlEscaped)</p>" : table(priorityHeader(language), priorityRows(plan)))
        body.append("<h2>\(t.decided.htmlEscaped)</h2>")
        body.append(plan.decided.isEmpty ? "<p>\(t.noDecided.htmlEscaped)</p>"
                    : table(header(language), rows(plan.decided, plan: plan, language: language)))
        body.append("<h2>\(t.proposed.htmlEscaped)</h2>")
        body.append(plan.proposed.isEmpty ? "<p>\(t.noProposed.htmlEscaped)</p>"
                    : table(proposedHeader(language), proposedRows(plan, language: language)))
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title.htmlEscaped)</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.4; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; font-size: 0.9rem; }
            th, td { border: 1px solid #bbb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
            th { background: #eef1f5; }
            @media print { body { margin: 1cm; } }
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }
}
