import Platform

/// The åtgärdsplan as Markdown or as one self-contained HTML page (inline style, no scripts, every text escaped).
public enum AtgardsplanExporter {
    /// The formats `atgardsplan --format` accepts.
    public static let formats = ["md", "html"]

    /// The plan in `format`; nil for another format.
    public static func export(_ plan: Atgardsplan, format: String) -> String? {
        switch format {
        case "md": markdown(plan)
        case "html": html(plan)
        default: nil
        }
    }

    /// The rows of the interventions table, as plain text.
    private static func rows(_ entries: [Atgardsplan.Entry], plan: Atgardsplan) -> [[String]] {
        entries.map { entry in
            let item = entry.intervention
            let followUp = entry.lastFollowUp.map { "\($0.date): \($0.outcome?.swedish ?? "")" + ($0.comment.map { " – \($0)" } ?? "") } ?? "–"
            let status = switch item.status {
            case .proposed: "föreslagen"
            case .decided: "pågår"
            case .ended: "avslutad \(item.endedOn?.description ?? "")"
            }
            return [item.id, item.title,
                    item.areas.isEmpty ? "hela kommunen" : item.areas.map(plan.areaName).joined(separator: ", "),
                    item.indicators.map(plan.indicatorName).joined(separator: ", "),
                    item.owner.map(plan.config.partyName) ?? "–",
                    [item.start?.description, item.plannedEnd?.description].map { $0 ?? "…" }.joined(separator: " – "),
                    status, followUp]
        }
    }

    private static let header = ["Id", "Insats", "Områden", "Indikatorer", "Ansvarig", "Period", "Status", "Senaste uppföljning"]
    private static let proposedHeader = ["Id", "Insats", "Områden", "Föreslagen av", "Datum"]

    private static func proposedRows(_ plan: Atgardsplan) -> [[String]] {
        plan.proposed.map { entry in
            let item = entry.intervention
            return [item.id, item.title, item.areas.isEmpty ? "hela kommunen" : item.areas.map(plan.areaName).joined(separator: ", "),
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

    /// The plan as Markdown.
    public static func markdown(_ plan: Atgardsplan) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        func table(_ header: [String], _ rows: [[String]]) -> [String] {
            ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
                + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        }
        var lines = ["# Åtgärdsplan \(plan.year) – \(plan.config.kommun.name)", "", intro, "", "## Prioriterade områden", ""]
        lines += plan.priorities.isEmpty ? ["Inga beslutade prioriteringar för året."]
            : table(["Period", "Områden", "Beslutat av", "Datum"], priorityRows(plan))
        lines += ["", "## Beslutade insatser", ""]
        lines += plan.decided.isEmpty ? ["Inga beslutade insatser under året."] : table(header, rows(plan.decided, plan: plan))
        lines += ["", "## Föreslagna, ännu inte beslutade", ""]
        lines += plan.proposed.isEmpty ? ["Inga."] : table(proposedHeader, proposedRows(plan))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The plan as one self-contained HTML page.
    public static func html(_ plan: Atgardsplan) -> String {
        func table(_ header: [String], _ rows: [[String]]) -> String {
            "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\($0.htmlEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                + rows.map { "<tr>" + $0.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>\n" }.joined() + "</tbody>\n</table>"
        }
        let title = "Åtgärdsplan \(plan.year) – \(plan.config.kommun.name)"
        var body = ["<h1>\(title.htmlEscaped)</h1>", "<p>\(intro.htmlEscaped)</p>", "<h2>Prioriterade områden</h2>"]
        body.append(plan.priorities.isEmpty ? "<p>Inga beslutade prioriteringar för året.</p>"
                    : table(["Period", "Områden", "Beslutat av", "Datum"], priorityRows(plan)))
        body.append("<h2>Beslutade insatser</h2>")
        body.append(plan.decided.isEmpty ? "<p>Inga beslutade insatser under året.</p>" : table(header, rows(plan.decided, plan: plan)))
        body.append("<h2>Föreslagna, ännu inte beslutade</h2>")
        body.append(plan.proposed.isEmpty ? "<p>Inga.</p>" : table(proposedHeader, proposedRows(plan)))
        return """
            <!DOCTYPE html>
            <html lang="sv">
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
