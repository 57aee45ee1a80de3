import Platform

/// One intervention and its history as text, for `insats show`, in the kommun's language or `--lang`.
enum InterventionText {
    static func render(_ item: Intervention, events: [InterventionEvent], config: KommunConfig, language: Language) -> String {
        func t(_ sv: String, _ en: String) -> String { language.pick(sv, en) }
        var lines = ["\(item.id)  \(item.title)", t("status", "status") + ": \(item.status.label(language))"]
        lines.append(t("områden", "areas") + ": "
            + (item.areas.isEmpty ? t("(hela kommunen)", "(the whole kommun)") : item.areas.joined(separator: ", ")))
        if !item.indicators.isEmpty { lines.append(t("indikatorer", "indicators") + ": " + item.indicators.joined(separator: ", ")) }
        if let period = item.lagesbildPeriod { lines.append(t("från lägesbild", "from lägesbild") + ": \(period)") }
        if let owner = item.owner { lines.append(t("ansvarig", "owner") + ": \(config.partyName(owner))") }
        if let start = item.start {
            lines.append(t("start", "start") + ": \(start)" + (item.plannedEnd.map { t(", planerat slut: ", ", planned end: ") + "\($0)" } ?? ""))
        }
        if let ended = item.endedOn { lines.append(t("avslutad", "ended") + ": \(ended)") }
        if let source = item.source { lines.append(t("källa", "source") + ": \(source)") }
        lines.append(t("historik", "history") + ":")
        for event in events {
            var line = "  \(event.date)  \(event.kind.label(language))  \(config.partyName(event.body))"
            if let outcome = event.outcome { line += ": \(outcome.label(language))" }
            if let comment = event.comment { line += " – \(comment)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
