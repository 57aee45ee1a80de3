import Foundation

/// When reports for a period are due: at the start of the first meeting, after the period ends, of the
/// body that reads the lägesbild (its `readBy`, else the body that compiles it). Without such a body or
/// cadence: noon on the first working day after the period.
public struct ReportingDeadline: Sendable, Hashable {
    public var date: CalendarDate
    public var time: TimeOfDay
    /// The meeting the reports are due for, when there is one.
    public var meeting: Meeting?

    /// How far after a period its reading meeting is looked for.
    public static let lookAheadDays = 100

    /// The deadline for `period` of `lagesbild` (the kommun's main lägesbild by default) in `config`'s kommun.
    public init(period: Period, config: KommunConfig, lagesbild: LagesbildConfig? = nil, escalations: [DeclaredEscalation] = []) {
        let after = period.end.adding(days: 1)
        self.init(period: period, config: config, lagesbild: lagesbild,
                  meetings: MeetingPlanner(config: config, escalations: escalations)
                      .meetings(from: after, to: after.adding(days: Self.lookAheadDays)))
    }

    /// The deadline for `period`, from meetings already planned (those after the period count).
    public init(period: Period, config: KommunConfig, lagesbild: LagesbildConfig? = nil, meetings: [Meeting]) {
        let lagesbild = lagesbild ?? config.lagesbild
        let reader = [lagesbild.readBy, lagesbild.compiledBy].compactMap { $0 }
            .first { id in config.organisation.body(id)?.cadence != nil }
        let after = period.end.adding(days: 1)
        if let reader, let next = meetings.first(where: { $0.source == reader && $0.date >= after }) {
            date = next.date
            time = next.start ?? TimeOfDay(hour: 9, minute: 0)
            meeting = next
        } else {
            date = Cadence.workingDay(from: after, step: 1, including: true) ?? after
            time = TimeOfDay(hour: 12, minute: 0)
            meeting = nil
        }
    }

    /// `2026-11-23T09:00`, local time.
    public var localText: String { "\(date)T\(time)" }

    /// The deadline as an instant, in `timeZone`.
    public func instant(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                  hour: time.hour, minute: time.minute)) ?? Date.distantFuture
    }
}
