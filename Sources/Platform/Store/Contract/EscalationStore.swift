import Foundation

/// Escalations a kommun declares (for example social oro), which change its meeting rhythm while in force.
public protocol EscalationStore: Sendable {
    /// Declares `escalation` in force from `from`, in `area` or (nil) the whole kommun; refused
    /// (`EscalationError.alreadyDeclared`) while the same escalation is in force in the same area.
    func declare(_ escalation: String, kommun: String, area: String?, from: CalendarDate, note: String?, now: Date) throws
    /// Ends the escalation in force in `area` (nil: the whole kommun); `day` is its last day
    /// (`EscalationError.notDeclared`, `.endsBeforeStart`).
    func end(_ escalation: String, kommun: String, area: String?, on day: CalendarDate, now: Date) throws
    /// Every escalation declared for `kommun`, oldest first.
    func escalations(kommun: String) throws -> [DeclaredEscalation]
}
