/// A length of time: `30m`, `2h`, `1d` or `half-day` (4 hours).
public struct ConfigDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    public var minutes: Int
    /// The text as written, kept for display.
    public var description: String

    public init?(parsing text: String) {
        if text == "half-day" {
            (minutes, description) = (240, text)
            return
        }
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0 else { return nil }
        switch unit {
        case "m": minutes = count
        case "h": minutes = count * 60
        case "d": minutes = count * 24 * 60
        default: return nil
        }
        description = text
    }
}

extension ConfigDuration: ConfigDecodable {
    static func decode(from value: ConfigValue) -> ConfigDuration? {
        guard let text = value.text(expecting: "a duration such as 30m, 2h or half-day") else { return nil }
        guard let duration = ConfigDuration(parsing: text) else {
            value.error("expected a duration such as 30m, 2h, 1d or half-day, found '\(text)'")
            return nil
        }
        return duration
    }
}
