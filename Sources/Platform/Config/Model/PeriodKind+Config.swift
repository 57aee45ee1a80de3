extension Period.Kind: ConfigDecodable {
    /// `period: tertial`, or for two weeks in a kommun's own rhythm `period: {kind: two-weeks, start: 2026-01-05}`
    /// (the first period starts in the week of `start`; without it, weeks 1–2 of 2024 start the rhythm).
    static func decode(from value: ConfigValue) -> Period.Kind? {
        guard case .mapping = value.node.content else { return named(value) }
        guard let m = value.mapping() else { return nil }
        defer { m.finish() }
        let kindValue = m.value("kind")
        if kindValue == nil { m.missing("kind") }
        let kind = kindValue.flatMap(named)
        let start: CalendarDate? = m.optional("start")
        guard let kind else { return nil }
        guard let start else { return kind }
        guard kind.unit == .week, kind.length == 2 else {
            m.value("start")?.error("'start' goes with two-weeks only: a \(kind.name) is aligned to the calendar")
            return nil
        }
        return .twoWeeks(startingOn: start)
    }

    private static func named(_ value: ConfigValue) -> Period.Kind? {
        let names = named.map(\.name)
        guard let text = value.text(expecting: "one of \(names.joined(separator: ", "))") else { return nil }
        if let kind = Period.Kind(name: text) { return kind }
        var message = "'\(text)' is not one of \(names.joined(separator: ", "))"
        if let suggestion = Suggestion.nearest(to: text, among: names) { message += " (did you mean '\(suggestion)'?)" }
        value.error(message)
        return nil
    }
}
