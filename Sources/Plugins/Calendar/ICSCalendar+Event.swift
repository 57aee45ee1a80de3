import Foundation
import Platform

extension ICSCalendar {
    /// The length of a meeting whose length is unknown, in minutes.
    static let defaultMinutes = 60

    private static let minutesPerDay = 24 * 60

    /// The VEVENT of `meeting`: a timed event in the calendar's zone, or an all-day event when the
    /// meeting has no start.
    func event(_ meeting: Meeting) -> [ICSLine] {
        var lines = [
            ICSLine("BEGIN", "VEVENT"),
            ICSLine.text("UID", Self.uid(meeting.uid)),
            ICSLine("DTSTAMP", Self.utcDateTime(stamp)),
        ]
        if let start = meeting.start {
            let local = meeting.date.dayNumber * Self.minutesPerDay + start.hour * 60 + start.minute
            let end = timeZone.local(fromUTC: timeZone.utc(fromLocal: local) + Self.minutes(of: meeting))
            lines.append(ICSLine("DTSTART;TZID=" + timeZone.identifier, Self.localDateTime(local)))
            lines.append(ICSLine("DTEND;TZID=" + timeZone.identifier, Self.localDateTime(end)))
        } else {
            lines.append(ICSLine("DTSTART;VALUE=DATE", Self.date(meeting.date)))
            lines.append(ICSLine("DTEND;VALUE=DATE", Self.date(meeting.date.adding(days: 1))))
        }
        let location = meeting.location.flatMap { $0.isEmpty ? nil : $0 }
        lines.append(.text("SUMMARY", location.map { meeting.title + " – " + $0 } ?? meeting.title))
        if let location {
            lines.append(.text("LOCATION", location))
        }
        var description: [String] = []
        if !meeting.attendees.isEmpty {
            description.append("Deltagare: " + meeting.attendees.joined(separator: ", "))
        }
        description += meeting.agenda + meeting.notes
        if !description.isEmpty {
            lines.append(.text("DESCRIPTION", description.joined(separator: "\n")))
        }
        lines.append(.text("CATEGORIES", meeting.kind))
        if let followUpOf = meeting.followUpOf {
            lines.append(.text("RELATED-TO", Self.uid(followUpOf)))
        }
        lines += [
            ICSLine("SEQUENCE", "0"),
            ICSLine("TRANSP", "OPAQUE"),
            ICSLine("STATUS", "CONFIRMED"),
            ICSLine("END", "VEVENT"),
        ]
        return lines
    }

    /// `lysekil-styrgrupp-20270324@trygghetsplattformen`.
    static func uid(_ meetingUID: String) -> String {
        meetingUID + "@" + uidDomain
    }

    /// How long `meeting` lasts in minutes: its length, or an hour when that is unknown or not positive.
    static func minutes(of meeting: Meeting) -> Int {
        guard let minutes = meeting.durationMinutes, minutes > 0 else { return defaultMinutes }
        return minutes
    }

    /// `20270323`.
    static func date(_ date: CalendarDate) -> String {
        digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2)
    }

    /// `20270323T090000`, from minutes since 1970-01-01 00:00 on the local clock.
    static func localDateTime(_ minutes: Int) -> String {
        let day = floorDivision(minutes, minutesPerDay)
        let minuteOfDay = minutes - day * minutesPerDay
        return date(CalendarDate(dayNumber: day)) + "T" + digits(minuteOfDay / 60, 2) + digits(minuteOfDay % 60, 2) + "00"
    }

    /// `20270301T060000Z`: `instant` in UTC, to the second.
    static func utcDateTime(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = floorDivision(seconds, 86_400)
        let secondOfDay = seconds - day * 86_400
        return date(CalendarDate(dayNumber: day)) + "T" + digits(secondOfDay / 3600, 2)
            + digits(secondOfDay / 60 % 60, 2) + digits(secondOfDay % 60, 2) + "Z"
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// `number` with leading zeros to `width` digits.
    private static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
