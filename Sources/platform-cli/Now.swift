import Foundation
import Platform

/// The command line's clock and environment, read once (`PlatformEnvironment`): the real time, or `PLATFORM_NOW`
/// (ISO 8601, e.g. 2026-11-24T12:00:00Z) when set, so that runs can be reproduced exactly (tests, demos,
/// re-running a past week); and the store, kommun files, templates and plugins the variables name.
enum Now {
    /// The process's environment, read once; its warnings are shown when it is first read.
    static let environment: PlatformEnvironment = {
        let environment = PlatformEnvironment(ProcessInfo.processInfo.environment)
        for warning in environment.warnings { Output.error("warning: " + warning) }
        return environment
    }()

    /// The time of this run: every write of the command stamps this one instant.
    static let date: Date = environment.now

    /// The clock of a long-running command (`serve`): `PLATFORM_NOW` when set, so a demo or a test sees a
    /// fixed day, else the real time at each call.
    static let clock: @Sendable () -> Date = { [environment] in environment.now }

    /// Today in `config`'s time zone.
    static func today(for config: KommunConfig) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: date)
    }
}
