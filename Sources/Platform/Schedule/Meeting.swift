/// One occurrence of a body's meeting or a recurring activity, in the kommun's local time.
public struct Meeting: Sendable, Hashable, Codable {
    /// Stable across runs, so a calendar re-import updates the event instead of adding it again:
    /// `lysekil-operativt-trygghetsteam-20261123`.
    public var uid: String
    public var kommun: String
    /// The id of the body or activity in the kommun file.
    public var source: String
    /// `body` or the activity's kind (`safety-walk`, `safety-meeting`, `inventory` …).
    public var kind: String
    public var title: String
    public var date: CalendarDate
    /// Start time; nil for an all-day event.
    public var start: TimeOfDay?
    /// Length in minutes; nil when unknown.
    public var durationMinutes: Int?
    /// Where: the ort a walk or safety meeting visits.
    public var location: String?
    /// The member functions expected, as the kommun file writes them.
    public var attendees: [String]
    /// The fixed agenda, as `18:00 Välkomna` lines.
    public var agenda: [String]
    /// Why this occurrence is where it is: moved for a holiday, raised frequency during social oro, a
    /// follow-up of a walk.
    public var notes: [String]
    /// The uid of the occurrence this one follows up.
    public var followUpOf: String?
    /// True when it comes from a raised frequency during a declared escalation.
    public var escalated: Bool

    public init(uid: String, kommun: String, source: String, kind: String, title: String, date: CalendarDate,
                start: TimeOfDay?, durationMinutes: Int?, location: String? = nil, attendees: [String] = [],
                agenda: [String] = [], notes: [String] = [], followUpOf: String? = nil, escalated: Bool = false) {
        self.uid = uid
        self.kommun = kommun
        self.source = source
        self.kind = kind
        self.title = title
        self.date = date
        self.start = start
        self.durationMinutes = durationMinutes
        self.location = location
        self.attendees = attendees
        self.agenda = agenda
        self.notes = notes
        self.followUpOf = followUpOf
        self.escalated = escalated
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension TimeOfDay: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time: \(text)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
