/// Every meeting a kommun's file describes, over a span of dates: the bodies' meetings and the recurring
/// activities at their cadence, at the raised cadence while an escalation is declared, safety walks and
/// meetings rotated over the orter within each mandate period, and the follow-ups each walk triggers.
public struct MeetingPlanner: Sendable {
    public let config: KommunConfig
    public let escalations: [DeclaredEscalation]

    public init(config: KommunConfig, escalations: [DeclaredEscalation] = []) {
        self.config = config
        self.escalations = escalations
    }

    /// The meetings from `from` to `to`, in date and time order.
    public func meetings(from: CalendarDate, to: CalendarDate) -> [Meeting] {
        let range = from...to
        let followed = Set(config.activities.flatMap { $0.followUps.compactMap(\.activity) })
        var meetings: [Meeting] = []
        for body in config.organisation.bodies {
            let attendees = body.members.map(attendee)
            for planned in occurrences(of: body.id, cadence: body.cadence, in: range) {
                meetings.append(meeting(source: body.id, kind: "body", title: body.name, planned: planned, attendees: attendees, agenda: []))
            }
        }
        for activity in config.activities where !followed.contains(activity.id) {
            // Walks up to eight months back can have follow-ups inside the range.
            let lookBack = activity.followUps.isEmpty ? 0 : 8
            let wide = from.adding(months: -lookBack)...to
            let locations = rotation(of: activity, through: to)
            let attendees = activity.participants.map(attendee), agenda = activity.agenda.map(Self.agendaLine)
            for planned in occurrences(of: activity.id, cadence: activity.cadence, in: wide) {
                var walk = meeting(source: activity.id, kind: activity.kind.rawValue, title: activity.name, planned: planned,
                                   attendees: attendees, agenda: agenda)
                walk.location = locations[planned.occurrence.date]
                if range.contains(walk.date) { meetings.append(walk) }
                meetings += followUps(of: walk, activity: activity).filter { range.contains($0.date) }
            }
        }
        return Self.uniqued(meetings.sorted { ($0.date, $0.start ?? TimeOfDay(hour: 0, minute: 0), $0.uid) < ($1.date, $1.start ?? TimeOfDay(hour: 0, minute: 0), $1.uid) })
    }

    /// Which area each occurrence of a rotating activity visits: the areas of the rotation's kind in
    /// the file's order, in turn from the start of each mandate period.
    public func rotation(of activity: Activity, through last: CalendarDate) -> [CalendarDate: String] {
        guard let rotation = activity.rotation, let cadence = activity.cadence else { return [:] }
        let areas = config.allAreas.filter { $0.kind == rotation.over }
        guard !areas.isEmpty else { return [:] }
        var result: [CalendarDate: String] = [:]
        var mandate = MandatePeriod(containing: last)
        // The current mandate period and the one before, so dates near its start are covered.
        if let earlier = MandatePeriod(startingIn: mandate.electionYear - 4) { mandate = earlier }
        while mandate.start <= last {
            let dates = cadence.occurrences(in: mandate.start...mandate.end).map(\.date)
            for (index, date) in dates.enumerated() { result[date] = areas[index % areas.count].name }
            guard let next = MandatePeriod(startingIn: mandate.electionYear + 4) else { break }
            mandate = next
        }
        return result
    }

    /// One date a source meets on, at the cadence that gives it, and the names of the escalations that raise it.
    private struct Planned {
        var occurrence: Cadence.Occurrence
        var cadence: Cadence?
        var raisedBy: [String]
    }

    /// The cadence's dates, with the raised cadences replacing it on days an escalation is in force. A date
    /// two raised cadences share is met once, at the first one's time, naming every escalation that gives it.
    private func occurrences(of source: String, cadence: Cadence?, in range: ClosedRange<CalendarDate>) -> [Planned] {
        let raised = raisedCadences(for: source)
        var result: [Planned] = []
        if let cadence {
            result += cadence.occurrences(in: range)
                .filter { occurrence in !raised.contains { $0.declared.isActive(on: occurrence.date) } }
                .map { Planned(occurrence: $0, cadence: cadence, raisedBy: []) }
        }
        var raisedDates: [CalendarDate: Int] = [:]
        for (declared, name, change) in raised {
            // An escalation declared after the range, or ended before it, raises nothing in it.
            let first = max(range.lowerBound, declared.from), last = min(range.upperBound, declared.until ?? range.upperBound)
            guard first <= last else { continue }
            for occurrence in change.cadence.occurrences(in: first...last) {
                if let index = raisedDates[occurrence.date] {
                    if !result[index].raisedBy.contains(name) { result[index].raisedBy.append(name) }
                } else {
                    raisedDates[occurrence.date] = result.count
                    result.append(Planned(occurrence: occurrence, cadence: change.cadence, raisedBy: [name]))
                }
            }
        }
        return result.sorted { $0.occurrence.date < $1.occurrence.date }
    }

    /// The changes the declared escalations make to `source`, with each escalation's name; one declared
    /// in an area changes only the bodies and activities of that area and the areas below it.
    private func raisedCadences(for source: String) -> [(declared: DeclaredEscalation, name: String, change: Escalation.Change)] {
        escalations.flatMap { declared in
            let name = config.escalations.first { $0.id == declared.escalation }?.name ?? declared.escalation
            return config.changes(raisedBy: declared).filter { $0.target == source }.map { (declared, name, $0) }
        }
    }

    private func meeting(source: String, kind: String, title: String, planned: Planned, attendees: [String], agenda: [String]) -> Meeting {
        let occurrence = planned.occurrence, cadence = planned.cadence
        var notes = occurrence.note.map { [$0] } ?? []
        if !planned.raisedBy.isEmpty {
            notes.append("tätare möten under \(planned.raisedBy.joined(separator: ", "))")
        }
        return Meeting(uid: "\(config.id)-\(source)-\(Self.compact(occurrence.date))", kommun: config.id, source: source,
                       kind: kind, title: title, date: occurrence.date, start: cadence?.time,
                       durationMinutes: cadence?.duration?.minutes, attendees: attendees,
                       agenda: agenda, notes: notes, escalated: !planned.raisedBy.isEmpty)
    }

    /// The follow-ups of one walk: another activity within or after an offset, or a described step.
    private func followUps(of walk: Meeting, activity: Activity) -> [Meeting] {
        activity.followUps.enumerated().compactMap { index, followUp in
            let date = Self.date(after: walk.date, timing: followUp.timing)
            var notes = ["uppföljning av \(activity.name.lowercased()) \(walk.date)" + (walk.location.map { " i \($0)" } ?? "")]
            if let target = followUp.activity.flatMap({ id in config.activities.first { $0.id == id } }) {
                if case .within(let offset) = followUp.timing { notes.append("senast \(offset.swedish) efter") }
                return Meeting(uid: "\(config.id)-\(target.id)-\(Self.compact(date))-\(Self.compact(walk.date))", kommun: config.id,
                               source: target.id, kind: target.kind.rawValue, title: target.name, date: date,
                               start: target.cadence?.time, durationMinutes: target.cadence?.duration?.minutes,
                               location: walk.location, attendees: target.participants.map(attendee),
                               agenda: target.agenda.map(Self.agendaLine), notes: notes, followUpOf: walk.uid)
            }
            return Meeting(uid: "\(config.id)-\(activity.id)-uppfoljning-\(index + 1)-\(Self.compact(walk.date))", kommun: config.id,
                           source: activity.id, kind: "follow-up", title: followUp.description ?? activity.name, date: date,
                           start: nil, durationMinutes: nil, location: walk.location, notes: notes, followUpOf: walk.uid)
        }
    }

    /// `within 1 month`: a week before the deadline; `after 6 months`: that day; both on a working day.
    static func date(after start: CalendarDate, timing: Activity.FollowUp.Timing) -> CalendarDate {
        switch timing {
        case .within(let offset):
            let deadline = offset.added(to: start)
            let target = max(start.adding(days: 1), deadline.adding(days: -7))
            return Cadence.workingDay(from: target, step: 1, including: true).flatMap { $0 <= deadline ? $0 : nil }
                ?? Cadence.workingDay(from: deadline, step: -1, including: true) ?? target
        case .after(let offset):
            let target = offset.added(to: start)
            return Cadence.workingDay(from: target, step: 1, including: true) ?? target
        }
    }

    private func attendee(_ member: Member) -> String {
        var text = member.role
        if let organisation = member.organisation { text += ", \(config.partyName(organisation))" }
        if member.attendance == .asNeeded { text += " (vid behov)" }
        return text
    }

    static func agendaLine(_ item: Activity.AgendaItem) -> String {
        (item.time.map { "\($0) " } ?? "") + item.item
    }

    /// `20261124`.
    static func compact(_ date: CalendarDate) -> String {
        var text = date.description
        text.removeAll { $0 == "-" }
        return text
    }

    /// A second meeting of the same source on the same day gets `-2` on its uid.
    private static func uniqued(_ meetings: [Meeting]) -> [Meeting] {
        var seen: [String: Int] = [:]
        return meetings.map { meeting in
            var meeting = meeting
            let count = seen[meeting.uid, default: 0] + 1
            seen[meeting.uid] = count
            if count > 1 { meeting.uid += "-\(count)" }
            return meeting
        }
    }
}

extension CalendarOffset {
    /// `date` moved forward by this offset.
    public func added(to date: CalendarDate) -> CalendarDate {
        switch unit {
        case .day: date.adding(days: count)
        case .week: date.adding(days: 7 * count)
        case .month: date.adding(months: count)
        }
    }

    /// `1 månad`, `6 månader`, `2 veckor`.
    public var swedish: String {
        let (one, many) = switch unit {
        case .day: ("dag", "dagar")
        case .week: ("vecka", "veckor")
        case .month: ("månad", "månader")
        }
        return "\(count) \(count == 1 ? one : many)"
    }
}
