import ArgumentParser
import Platform

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan which ort each rotating activity (safety walks, safety meetings) visits in a mandate period.",
        discussion: "The plan is deterministic: the areas of the rotation's kind in the kommun file's order, in turn from the period's start."
    )

    @Argument(help: "The kommun's id.")
    var kommun: String

    @Option(help: "The election year the mandate period follows (2022, 2026, 2030 …); it starts on 15 October.")
    var mandate: Int

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard MandatePeriod(startingIn: mandate) != nil else {
            throw ValidationError("\(mandate) is not an election year (2022, 2026, 2030 …)")
        }
    }

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let language = languageOption.resolved(for: config)
        let period = MandatePeriod(startingIn: mandate)!
        let planner = MeetingPlanner(config: config)
        let rotating = config.activities.filter { $0.rotation != nil }
        guard !rotating.isEmpty else {
            print(language.pick("\(config.kommun.name) har inga aktiviteter som roterar.", "\(config.kommun.name) has no rotating activities."))
            return
        }
        print("\(config.kommun.name), " + language.pick("mandatperiod", "mandate period") + " \(period)")
        var uncovered = 0
        let planned = planner.meetings(from: period.start, to: period.end)
        for activity in rotating {
            // Safety meetings that follow walks are scheduled by them; described follow-ups are left out.
            let meetings = planned.filter { $0.source == activity.id && $0.kind == activity.kind.rawValue }
            print("\n\(activity.name) (\(meetings.count))")
            print(TextTable.render(header: [language.pick("datum", "date"), language.pick("ort", "ort")], rows: meetings.map { [$0.date.description, $0.location ?? "–"] }), terminator: "")
            let areas = config.allAreas.filter { $0.kind == activity.rotation!.over }
            let missing = areas.filter { area in !meetings.contains { $0.location == area.name } }.map(\.name)
            let kind = activity.rotation!.over.label(language, plural: true)
            if missing.isEmpty {
                print(language.pick("Alla \(areas.count) \(kind) får minst \(activity.rotation!.atLeast) under perioden.",
                                    "All \(areas.count) \(kind) get at least \(activity.rotation!.atLeast) in the period."))
            } else {
                print(language.pick("varning: ingen \(activity.name.lowercased()) i: \(missing.joined(separator: ", ")) (för få tillfällen för \(areas.count) \(kind))",
                                    "warning: no \(activity.name.lowercased()) in: \(missing.joined(separator: ", ")) (too few occasions for \(areas.count) \(kind))"))
                uncovered += missing.count
            }
        }
        if uncovered > 0 { throw ExitCode.failure }
    }
}
