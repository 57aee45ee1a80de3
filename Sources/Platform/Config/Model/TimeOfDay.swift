/// A wall-clock time, written `"18:00"` or, as Swedish texts do, `"18.00"`.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// `18:00`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }

    /// Parses `HH:MM` or `HH.MM`.
    public init?(parsing text: String) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(hour: hour, minute: minute)
    }
}

extension TimeOfDay: ConfigDecodable {
    static func decode(from value: ConfigValue) -> TimeOfDay? {
        guard let text = value.text(expecting: "a time such as \"18:00\"") else { return nil }
        guard let time = TimeOfDay(parsing: text) else {
            value.error("expected a time such as \"18:00\", found '\(text)'")
            return nil
        }
        return time
    }
}
