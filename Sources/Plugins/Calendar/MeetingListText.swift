import Foundation
import Platform

/// Meetings as a readable list: date, weekday, local time with its UTC offset (so summer and winter time
/// show), what, where, and why it is there.
public struct MeetingListText: Sendable {
    public let title: String
    public let meetings: [Meeting]
    public let timeZone: TimeZone
    public let language: Language

    public init(title: String, meetings: [Meeting], timeZone: TimeZone, language: Language) {
        self.title = title
        self.meetings = meetings
        self.timeZone = timeZone
        self.language = language
    }

    public func render() -> String {
        var lines = [title, ""]
        for meeting in meetings {
            let weekday = Weekday.allCases[meeting.date.isoWeekday - 1].name(language).prefix(3)
            var when = "\(meeting.date) \(weekday)"
            if let start = meeting.start {
                when += " \(start)"
                if let minutes = meeting.durationMinutes { when += "–\(Self.end(start, minutes))" }
                when += " (UTC\(offset(on: meeting.date, at: start)))"
            } else {
                when += " " + language.pick("heldag", "all day")
            }
            var line = "\(when)  \(meeting.title)"
            if let location = meeting.location { line += " – \(location)" }
            lines.append(line)
            for note in meeting.notes { lines.append("    \(note)") }
        }
        lines.append("")
        lines.append(language.pick(meetings.count.counted("möte", plural: "möten"), meetings.count.counted("meeting")))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `+01:00` or `+02:00` in Europe/Stockholm, by the zone's rules on that day and time.
    func offset(on date: CalendarDate, at time: TimeOfDay) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute)
        let seconds = calendar.date(from: components).map(timeZone.secondsFromGMT(for:)) ?? 0
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + CalendarDate.pad(minutes / 60, 2) + ":" + CalendarDate.pad(minutes % 60, 2)
    }

    static func end(_ start: TimeOfDay, _ minutes: Int) -> String {
        let total = (start.hour * 60 + start.minute + minutes) % (24 * 60)
        return TimeOfDay(hour: total / 60, minute: total % 60).description
    }
}
