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

    /// Today in `config`'s time zone.
    static func today(for config: KommunConfig) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: date)
    }
}
