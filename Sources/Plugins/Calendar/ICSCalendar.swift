import Foundation
import Platform

/// Meetings as an iCalendar file (RFC 5545) for Outlook, Google Calendar and other calendar apps to
/// import or subscribe to: one VEVENT per meeting, with times in the kommun's zone described by a
/// VTIMEZONE.
///
/// Each event's UID comes from the meeting's uid, so importing a newer file updates the events instead of
/// adding them again. The same meetings and stamp always give the same bytes.
public struct ICSCalendar: Sendable {
    /// A time zone the writer has no VTIMEZONE for.
    public struct UnsupportedTimeZone: Error, Sendable, CustomStringConvertible {
        /// The zone asked for.
        public let identifier: String

        /// The zone asked for and the zones there are VTIMEZONEs for.
        public var description: String {
            "calendars cannot be written in time zone '\(identifier)'; supported: "
                + ICSTimeZone.supported.joined(separator: ", ")
        }
    }

    /// The calendar's PRODID.
    static let productID = "-//Trygghetsplattformen//EST \(PlatformInfo.version)//SV"
    /// What follows `@` in every UID and RELATED-TO.
    static let uidDomain = "trygghetsplattformen"

    /// The calendar's name, shown by calendar apps (X-WR-CALNAME).
    public let name: String
    /// The meetings, in the order of their events: by date, then start (all-day events first), then uid.
    public let meetings: [Meeting]
    /// When the file is written; every event's DTSTAMP.
    public let stamp: Date
    let timeZone: ICSTimeZone

    /// A calendar of `meetings`, whose dates and times are local times in `timeZone`, written at `stamp`.
    /// Throws when there is no VTIMEZONE for `timeZone`; only `Europe/Stockholm` has one.
    public init(name: String, meetings: [Meeting], timeZone: String = "Europe/Stockholm",
                stamp: Date) throws(UnsupportedTimeZone) {
        guard let zone = ICSTimeZone(identifier: timeZone) else { throw UnsupportedTimeZone(identifier: timeZone) }
        self.name = name
        self.timeZone = zone
        self.stamp = stamp
        self.meetings = meetings.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            if a.start != b.start {
                guard let aStart = a.start else { return true }
                guard let bStart = b.start else { return false }
                return aStart < bStart
            }
            return a.uid < b.uid
        }
    }

    /// The file's text: CRLF line endings, lines folded at 75 octets.
    public func render() -> String {
        var lines = [
            ICSLine("BEGIN", "VCALENDAR"),
            ICSLine("VERSION", "2.0"),
            ICSLine.text("PRODID", Self.productID),
            ICSLine("CALSCALE", "GREGORIAN"),
            // No METHOD: RFC 5546 would require an ORGANIZER with METHOD:PUBLISH, and there is no organiser
            // address to give. Without it the file is a plain calendar that every program imports.
            ICSLine.text("X-WR-CALNAME", name),
            ICSLine.text("X-WR-TIMEZONE", timeZone.identifier),
        ]
        lines += timeZone.component
        for meeting in meetings {
            lines += event(meeting)
        }
        lines.append(ICSLine("END", "VCALENDAR"))
        return lines.map(\.folded).joined()
    }
}
