/// Why no lägesbild or period could be chosen from what a user asked for.
public struct LagesbildChoiceError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension KommunConfig {
    /// Which of the kommun's lägesbilder a request means: the one `id` names; else, among those for `area`
    /// (the whole kommun when nil), the one compiled per `kind` of period, or the first; else the main one
    /// (which can be compiled for any period and area).
    public func lagesbild(id: String? = nil, kind: Period.Kind? = nil, area: String? = nil) throws -> LagesbildConfig {
        if let id {
            if let match = lagesbilder.first(where: { $0.id == id }) { return match }
            let ids = lagesbilder.compactMap(\.id)
            var message = ids.isEmpty ? "\(self.id) has one lägesbild, without an id"
                                      : "\(self.id) has no lägesbild '\(id)'; it has \(ids.joined(separator: ", "))"
            if let suggestion = Suggestion.nearest(to: id, among: ids) { message += " (did you mean '\(suggestion)'?)" }
            throw LagesbildChoiceError(description: message)
        }
        let forArea = lagesbilder.filter { $0.area == area }
        if let kind, let match = forArea.first(where: { $0.period.name == kind.name }) { return match }
        if kind == nil, let first = forArea.first { return first }
        return lagesbild
    }

    /// The lägesbild and period a request means: `periodText` as `LagesbildConfig.period(_:today:)` reads it,
    /// in the lägesbild `lagesbild(id:kind:area:)` chooses for the period's kind.
    public func lagesbild(id: String?, period periodText: String, area: String?, today: CalendarDate) throws
        -> (lagesbild: LagesbildConfig, period: Period) {
        let chosen = try lagesbild(id: id, kind: Period(periodText)?.kind, area: area)
        return (chosen, try chosen.period(periodText, today: today))
    }

    /// All the lägesbilder `lagesbild --all` compiles for the kommun: each of its lägesbilder, or with a
    /// period `kind`, those per that kind (the main one when none is).
    public func lagesbilder(kind: Period.Kind?) -> [LagesbildConfig] {
        guard let kind else { return lagesbilder }
        let matching = lagesbilder.filter { $0.period.name == kind.name }
        return matching.isEmpty ? [lagesbild] : matching
    }
}

extension LagesbildConfig {
    /// The period `text` means for this lägesbild: `last` (the last complete one) or `current` in its own
    /// kind of period, or a period id (`2026-W47`, `2026-W47-48`, `2026-11`, `2026-T3`, `2026-Q4`,
    /// `2026-H1`, `2026`). A two-week period must be one of this lägesbild's own.
    public func period(_ text: String, today: CalendarDate) throws -> Period {
        if text == "last" || text == "current" {
            let current = Period(containing: today, kind: period)
            return text == "current" ? current : current.previous
        }
        guard let parsed = Period(text) else {
            throw LagesbildChoiceError(description: "'\(text)' is not a period: use 2026-W47, 2026-W47-48, 2026-11, 2026-T3, 2026-Q4, 2026-H1, 2026, last or current")
        }
        if parsed.kind.name == period.name, parsed.kind != period {
            let near = Period(containing: parsed.start, kind: period)
            throw LagesbildChoiceError(description: "\(text) is not one of this lägesbild's two-week periods; \(near.previous), \(near) and \(near.next) are")
        }
        return parsed
    }
}

extension KommunConfig {
    /// The period `text` (`2026-Q4`, `2026-W47`, …) as one of the kommun's priority periods; an error says
    /// which kind the kommun sets priorities for, and gives the period of that kind holding `text`'s start.
    public func priorityPeriod(_ text: String) throws -> Period {
        guard let priorities else {
            throw LagesbildChoiceError(description: "\(id)'s file sets no lagesbild.priorities (see docs/configuration.md)")
        }
        let kind = priorities.period
        guard let period = Period(text) else {
            throw LagesbildChoiceError(description: "'\(text)' is not a period: give a \(kind.name) such as \(Period(containing: CalendarDate(year: 2026, month: 11, day: 23)!, kind: kind))")
        }
        guard period.kind == kind else {
            throw LagesbildChoiceError(description: "\(id) sets priorities per \(kind.name); give a \(kind.name) such as \(Period(containing: period.start, kind: kind))")
        }
        return period
    }
}
