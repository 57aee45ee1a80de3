import ArgumentParser
import Foundation
import Platform

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write realistic synthetic reports for a kommun as CSV, drawn from its own file.",
        discussion: """
            More events on weekend evenings and in summer, a few areas with a rising trend, a few quiet \
            reporters. The same seed gives the same CSV, byte for byte.
            """
    )

    @Argument(help: "The kommun's id.")
    var kommun: String

    @Option(help: "First day, YYYY-MM-DD.")
    var from: CalendarDate

    @Option(help: "Last day, YYYY-MM-DD (not after today).")
    var to: CalendarDate

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Multiplies every event rate (1 is a realistic volume).")
    var intensity: Double = 1

    @Option(name: .customLong("effect"), help: ArgumentHelp(
        "Plant a change: from FROM_DATE the rate of INDICATOR in AREA is multiplied by FACTOR (0.4 = a 60 % drop). Repeatable.",
        valueName: "AREA:INDICATOR:FROM_DATE:FACTOR"))
    var effects: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var catalogOptions: CatalogOptions

    func validate() throws {
        guard from <= to else { throw ValidationError("--from must not be after --to") }
        guard intensity > 0 else { throw ValidationError("--intensity must be positive") }
        for effect in effects where ReportSimulator.Effect(effect) == nil {
            throw ValidationError("--effect '\(effect)' is not AREA:INDICATOR:FROM_DATE:FACTOR (e.g. lysekil-centrum:klotter:2026-04-01:0.4)")
        }
    }

    func run() throws {
        let config = try catalogOptions.kommun(kommun)
        let today = Now.today(for: config)
        guard to <= today else { throw ValidationError("--to \(to) is in the future; reports cannot be dated after today (\(today))") }
        let planted = effects.compactMap(ReportSimulator.Effect.init)
        for effect in planted {
            guard config.allAreas.contains(where: { $0.id == effect.area }) else {
                throw ValidationError("--effect: \(config.id) has no area '\(effect.area)'")
            }
            guard config.checklist.indicator(effect.indicator)?.measure == .count else {
                throw ValidationError("--effect: '\(effect.indicator)' is not a count indicator of \(config.id)")
            }
        }
        let simulator = ReportSimulator(config: config, seed: seed, intensity: intensity, effects: planted)
        var sink = try out.map { try BufferedFile(temporaryFor: $0) } ?? BufferedFile.standardOutput
        simulator.rows(from: from, to: to) { fields in
            sink.write(fields.map(CSVWriter.escape).joined(separator: ",") + "\n")
        }
        try sink.finish()
    }
}
