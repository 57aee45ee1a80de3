/// A calendar offset: `3 days`, `2 weeks`, `1 month`, `6 months`.
public struct CalendarOffset: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The calendar unit of an offset.
    public enum Unit: String, Sendable, Hashable, Codable {
        case day, week, month
    }

    public var count: Int
    public var unit: Unit

    public var description: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }

    public init?(parsing text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let count = Int(parts[0]), count >= 0 else { return nil }
        let name = parts[1].hasSuffix("s") ? parts[1].dropLast() : parts[1]
        guard let unit = Unit(rawValue: String(name)) else { return nil }
        (self.count, self.unit) = (count, unit)
    }
}

extension CalendarOffset: ConfigDecodable {
    static func decode(from value: ConfigValue) -> CalendarOffset? {
        guard let text = value.text(expecting: "an offset such as '1 month'") else { return nil }
        guard let offset = CalendarOffset(parsing: text) else {
            value.error("expected an offset such as '3 days', '2 weeks' or '6 months', found '\(text)'")
            return nil
        }
        return offset
    }
}
