/// A recurring activity that is not a body's own meeting: a safety walk, a safety meeting, an inventory.
public struct Activity: Sendable, Hashable, Codable {
    /// What sort of activity.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case safetyWalk = "safety-walk"
        case safetyMeeting = "safety-meeting"
        case inventory, analysis, survey, dialogue, meeting
    }

    /// One point of a fixed agenda; points without a time follow the one before.
    public struct AgendaItem: Sendable, Hashable, Codable {
        public var time: TimeOfDay?
        public var item: String
    }

    /// Something that follows the activity: another activity, or a described step, at an offset.
    public struct FollowUp: Sendable, Hashable, Codable {
        /// When the follow-up happens relative to the activity.
        public enum Timing: Sendable, Hashable, Codable {
            /// At the latest this long after.
            case within(CalendarOffset)
            /// About this long after.
            case after(CalendarOffset)
        }

        public var activity: String?
        public var description: String?
        public var timing: Timing
    }

    /// Which areas the activity must visit, and how often.
    public struct Rotation: Sendable, Hashable, Codable {
        /// The period within which every area must be visited.
        public enum Period: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
            case year
            /// The four-year mandate period, from 15 October after an election.
            case mandate
        }

        public var over: Area.Kind
        public var period: Period
        public var atLeast: Int
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var purpose: String?
    public var organiser: String?
    public var participants: [Member]
    public var cadence: Cadence?
    public var agenda: [AgendaItem]
    public var followUps: [FollowUp]
    public var rotation: Rotation?
    /// The area the activity belongs to; nil for the whole kommun.
    public var area: String?
    public var notes: String?
}

extension Activity: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.activity)
        let name: String? = m.required("name")
        let kind: Kind? = m.required("kind")
        purpose = m.optional("purpose")
        organiser = m.reference("organiser", to: EntityKind.parties)
        participants = m.list("participants")
        cadence = m.optional("cadence")
        agenda = m.list("agenda")
        followUps = m.list("followUps")
        rotation = m.optional("rotation")
        area = m.reference("area", to: [.area])
        notes = m.optional("notes")
        guard let id, let name, let kind else { return nil }
        self.id = id
        self.name = name
        self.kind = kind
    }
}

extension Activity.AgendaItem: ConfigObject {
    init?(from m: ConfigMapping) {
        time = m.optional("time")
        let item: String? = m.required("item")
        guard let item else { return nil }
        self.item = item
    }
}

extension Activity.FollowUp: ConfigObject {
    init?(from m: ConfigMapping) {
        activity = m.reference("activity", to: [.activity])
        description = m.optional("description")
        if activity == nil, description == nil, !m.has("activity") {
            m.value.error("a follow-up names an 'activity' or gives a 'description'")
        }
        let choice = m.exactlyOne(of: ["within", "after"])
        let within: CalendarOffset? = m.optional("within")
        let after: CalendarOffset? = m.optional("after")
        switch choice {
        case "within": guard let within else { return nil }; timing = .within(within)
        case "after": guard let after else { return nil }; timing = .after(after)
        default: return nil
        }
    }
}

extension Activity.Rotation: ConfigObject {
    init?(from m: ConfigMapping) {
        let over: Area.Kind? = m.required("over")
        let period: Period? = m.required("period")
        atLeast = m.optional("atLeast") ?? 1
        if atLeast < 1 { m.value("atLeast")?.error("atLeast is at least 1, found \(atLeast)") }
        guard let over, let period else { return nil }
        self.over = over
        self.period = period
    }
}
