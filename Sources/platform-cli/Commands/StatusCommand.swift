import ArgumentParser
import Foundation
import Platform

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Assessed area status: a body sets an area's status with a reason; every status set is kept.",
        discussion: "The lägesbild shows the latest status set on or before its period's end beside the computed one. See docs/lagesbild.md.",
        subcommands: [Set.self, List.self, History.self],
        defaultSubcommand: List.self
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set an area's status, e.g. `status set orebro vivalla orange --by lokal-est-vivalla --reason …`.")

        @OptionGroup var target: KommunTarget
        @Argument(help: "The area's id.") var area: String
        @Argument(help: "green, yellow, orange or red (or grön, gul, röd, or the kommun's names).") var status: String
        @Option(help: "The assessing body's id.") var by: String
        @Option(help: "Why: what the body saw (never personal data).") var reason: String
        @Option(help: "The day it applies from, YYYY-MM-DD (default: today).") var on: CalendarDate?

        func run() throws {
            let config = try target.config()
            let rules = config.lagesbild.status
            guard let level = rules.status(named: status) else {
                let known = Lagesbild.Status.allCases.map { "\($0.rawValue) (\(rules.name($0, .sv)))" }.joined(separator: ", ")
                throw ValidationError("'\(status)' is not a status: use one of \(known)")
            }
            let day = on ?? Now.today(for: config)
            try target.storeOptions.open()
                .setAreaStatus(AreaStatusAssessment(area: area, status: level, body: by, date: day, reason: reason), config: config, now: Now.date)
            let language = target.languageOption.resolved(for: config)
            let areaName = config.area(area)?.name ?? area
            print(language.pick("\(areaName): \(rules.name(level, language)) från \(day), bedömd av \(config.partyName(by))",
                                "\(areaName): \(rules.name(level, language)) from \(day), assessed by \(config.partyName(by))"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Each area's assessed status on a day: the latest set on or before it.")

        @OptionGroup var target: KommunTarget
        @Option(help: "The day (default: today).") var on: CalendarDate?
        @Option(help: "Only this area.") var area: String?

        func run() throws {
            let config = try target.config()
            let all = try target.assessments(config, through: on ?? Now.today(for: config), area: area)
            let latest = Dictionary(all.map { ($0.area, $0) }, uniquingKeysWith: { _, later in later })
            let ordered = config.allAreas.compactMap { latest[$0.id] }
            print(target.render(ordered, config: config), terminator: "")
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "Every status set for the kommun's areas, oldest first.")

        @OptionGroup var target: KommunTarget
        @Option(help: "Only this area.") var area: String?

        func run() throws {
            let config = try target.config()
            print(target.render(try target.assessments(config, area: area), config: config), terminator: "")
        }
    }
}

/// What `status list` and `status history` read and print.
extension KommunTarget {
    /// Every status set for the kommun's areas on or before `day` (all when nil), oldest first.
    func assessments(_ config: KommunConfig, through day: CalendarDate? = nil, area: String? = nil) throws -> [AreaStatusAssessment] {
        if let area, let problem = AreaStatusAssessment.unknownArea(area, in: config) { throw ValidationError(problem) }
        let all = try storeOptions.reading().areaStatusAssessments(kommun: config.id, through: day)
        return all.filter { area == nil || $0.area == area }
    }

    /// One row per status set: area, status, body, day, reason.
    func render(_ assessments: [AreaStatusAssessment], config: KommunConfig) -> String {
        let language = languageOption.resolved(for: config)
        let names = Dictionary(config.allAreas.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = assessments.map {
            [names[$0.area] ?? $0.area, config.lagesbild.status.name($0.status, language), config.partyName($0.body),
             $0.date.description, $0.reason]
        }
        return TextTable.render(header: [language.pick("område", "area"), "status", language.pick("bedömd av", "assessed by"),
                                         language.pick("från", "from"), language.pick("skäl", "reason")], rows: rows)
    }
}
