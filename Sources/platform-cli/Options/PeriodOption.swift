import ArgumentParser
import Platform

/// `--period 2026-W47|2026-11|2026-Q4|2026|last|current`.
struct PeriodOption: ParsableArguments {
    @Option(name: .customLong("period"), help: ArgumentHelp(
        "The period: 2026-W47, 2026-11, 2026-Q4, 2026, or last/current in the kommun's own period (week or month). Default: last.",
        valueName: "period"))
    var text = "last"

    func validate() throws {
        guard ["last", "current"].contains(text) || Period(text) != nil else {
            throw ValidationError("'\(text)' is not a period: use 2026-W47, 2026-11, 2026-Q4, 2026, last or current")
        }
    }

    /// The period for `config`: explicit, or the kommun's current or last week or month.
    func resolved(for config: KommunConfig, today: CalendarDate) -> Period {
        if let period = Period(text) { return period }
        let kind: Period.Kind = config.lagesbild.period == .week ? .week : .month
        let current = Period(containing: today, kind: kind)
        return text == "current" ? current : current.previous
    }
}
