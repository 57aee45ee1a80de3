/// Why an escalation could not be declared or ended.
public struct EscalationError: Error, Sendable, CustomStringConvertible {
    public var description: String

    /// The same escalation is already in force there, since `from`.
    public static func alreadyDeclared(_ escalation: String, kommun: String, area: String?, from: String) -> EscalationError {
        EscalationError(description: "\(escalation) is already declared for \(scope(kommun, area)) from \(from); end it first")
    }

    /// No such escalation is in force there.
    public static func notDeclared(_ escalation: String, kommun: String, area: String?) -> EscalationError {
        EscalationError(description: "\(escalation) is not declared for \(scope(kommun, area))")
    }

    /// The end given lies before the day it was declared from.
    public static func endsBeforeStart(_ escalation: String, from: String, end: CalendarDate) -> EscalationError {
        EscalationError(description: "\(escalation) was declared from \(from); it cannot end on \(end)")
    }

    /// `lysekil`, or `orebro in vivalla`.
    private static func scope(_ kommun: String, _ area: String?) -> String {
        kommun + (area.map { " in \($0)" } ?? "")
    }
}
