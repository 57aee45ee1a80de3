import Platform

/// One intervention and its history as text, for `insats show`.
enum InterventionText {
    static func render(_ item: Intervention, events: [InterventionEvent], config: KommunConfig) -> String {
        var lines = ["\(item.id)  \(item.title)", "status: \(item.status.rawValue)"]
        lines.append("areas: " + (item.areas.isEmpty ? "(hela kommunen)" : item.areas.joined(separator: ", ")))
        if !item.indicators.isEmpty { lines.append("indicators: " + item.indicators.joined(separator: ", ")) }
        if let period = item.lagesbildPeriod { lines.append("from lägesbild: \(period)") }
        if let owner = item.owner { lines.append("owner: \(config.partyName(owner))") }
        if let start = item.start { lines.append("start: \(start)" + (item.plannedEnd.map { ", planned end: \($0)" } ?? "")) }
        if let ended = item.endedOn { lines.append("ended: \(ended)") }
        if let source = item.source { lines.append("source: \(source)") }
        lines.append("history:")
        for event in events {
            var line = "  \(event.date)  \(event.kind.rawValue)  \(config.partyName(event.body))"
            if let outcome = event.outcome { line += ": \(outcome.swedish)" }
            if let comment = event.comment { line += " – \(comment)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
