/// One change in an intervention's history; events are only ever added, never changed.
public struct InterventionEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case proposed, decided, followUp = "follow-up"
    }

    public var kind: Kind
    /// The day it happened (the meeting's day for a follow-up).
    public var date: CalendarDate
    /// The body that proposed, decided or followed up.
    public var body: String
    /// The follow-up's outcome; nil for other kinds.
    public var outcome: FollowUpOutcome?
    public var comment: String?

    /// A value with every field given (for a store implementation).
    public init(kind: Kind, date: CalendarDate, body: String, outcome: FollowUpOutcome? = nil, comment: String? = nil) {
        self.kind = kind
        self.date = date
        self.body = body
        self.outcome = outcome
        self.comment = comment
    }
}
