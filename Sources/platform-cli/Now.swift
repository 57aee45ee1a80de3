import Foundation
import Platform

/// The command line's clock: the real time, or `PLATFORM_NOW` (ISO 8601, e.g. 2026-11-24T12:00:00Z) when
/// set, so that runs can be reproduced exactly (tests, demos, re-running a past week).
enum Now {
    static let date: Date = {
        guard let text = ProcessInfo.processInfo.environment["PLATFORM_NOW"] else { return Date() }
        guard let date = Timestamp.date(text) else {
            Output.error("warning: PLATFORM_NOW '\(text)' is not ISO 8601 (2026-11-24T12:00:00Z); using the real time")
            return Date()
        }
        return date
    }()

    /// The clock of a long-running command (`serve`): `PLATFORM_NOW` when set, so a demo or a test sees a
    /// fixed day, else the real time at each call.
    static let clock: @Sendable () -> Date = {
        guard ProcessInfo.processInfo.environment["PLATFORM_NOW"] != nil else { return { Date() } }
        let fixed = date
        return { fixed }
    }()

    /// Today in `config`'s time zone.
    static func today(for config: KommunConfig) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: date)
    }
}
