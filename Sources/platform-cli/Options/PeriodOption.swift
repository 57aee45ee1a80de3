import ArgumentParser
import Platform

/// `--period 2026-W47|2026-W47-48|2026-11|2026-T3|2026-Q4|2026-H1|2026|last|current`.
struct PeriodOption: ParsableArguments {
    @Option(name: .customLong("period"), help: ArgumentHelp(
        "The period: 2026-W47, 2026-W47-48 (two weeks), 2026-11, 2026-T3 (tertial), 2026-Q4, 2026-H1, 2026, or last/current in the lägesbild's own kind of period. Default: last.",
        valueName: "period"))
    var text = "last"

    func validate() throws {
        guard ["last", "current"].contains(text) || Period(text) != nil else {
            throw ValidationError("'\(text)' is not a period: use 2026-W47, 2026-W47-48, 2026-11, 2026-T3, 2026-Q4, 2026-H1, 2026, last or current")
        }
    }
}
