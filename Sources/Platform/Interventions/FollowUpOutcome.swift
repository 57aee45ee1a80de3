/// How a follow-up of an intervention ends (Luleå's four outcomes).
public enum FollowUpOutcome: String, Sendable, Hashable, CaseIterable {
    /// Fortsätta.
    case `continue`
    /// Utöka.
    case expand
    /// Byta (change the approach).
    case change
    /// Avsluta; ends the intervention.
    case end

    /// Reads the English or Swedish word: `continue`/`fortsätta`, `expand`/`utöka`, `change`/`byta`, `end`/`avsluta`.
    public init?(word: String) {
        switch word.lowercased() {
        case "continue", "fortsätta", "fortsatta": self = .continue
        case "expand", "utöka", "utoka": self = .expand
        case "change", "byta": self = .change
        case "end", "avsluta": self = .end
        default: return nil
        }
    }

    /// The word in `language`: `fortsätta`, `continue`.
    public func label(_ language: Language) -> String {
        language.pick(swedish, rawValue)
    }

    /// The Swedish word.
    public var swedish: String {
        switch self {
        case .continue: "fortsätta"
        case .expand: "utöka"
        case .change: "byta"
        case .end: "avsluta"
        }
    }
}
