import ArgumentParser
import Platform

/// `--lagesbild ID` and `--area ID`: which of a kommun's lägesbilder, and for which area; shared by
/// `lagesbild` and `due`. The choice itself is the kommun's (`KommunConfig.lagesbild(id:period:area:today:)`).
struct LagesbildChoiceOptions: ParsableArguments {
    @Option(name: .customLong("lagesbild"), help: ArgumentHelp(
        "Which of the kommun's lägesbilder, by its id in the kommun file (default: the one for the area and the period's kind, else the main one).",
        valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp(
        "The area: its lägesbild (or the main one for that area), with the areas below it and the reporters who cover it.",
        valueName: "id"))
    var area: String?

    /// The lägesbild and period `periodText` means for `config`'s kommun.
    func resolved(for config: KommunConfig, period periodText: String, today: CalendarDate) throws -> (LagesbildConfig, Period) {
        try config.lagesbild(id: id, period: periodText, area: area, today: today)
    }
}
