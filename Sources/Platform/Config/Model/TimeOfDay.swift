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
        ShortText.make { write(to: &$0) }
    }

    /// Writes `description`: a `0` before an hour or minute below 10, then its decimal digits.
    func write(to text: inout some TextByteSink) {
        if hour < 10 { text.append(UInt8(ascii: "0")) }
        text.appendDecimal(hour)
        text.append(UInt8(ascii: ":"))
        if minute < 10 { text.append(UInt8(ascii: "0")) }
        text.appendDecimal(minute)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }

    /// Parses `HH:MM` or `HH.MM`.
    ///
    /// Works on the UTF-8 bytes (it runs for every row of an ingest), accepting exactly what splitting at `:`
    /// or `.` and reading both parts with `Int(_:)` did: an hour of one or two characters, a minute of two,
    /// either with a sign (so `+7:05` is read as 07:05), in range.
    public init?(parsing text: String) {
        var text = text
        guard let (hour, minute) = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (hour: Int, minute: Int)? {
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }),
              separator <= 2, bytes.count - separator - 1 == 2,
              let hour = signedNumber(bytes[..<separator]), let minute = signedNumber(bytes[(separator + 1)...]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return (hour, minute)
    }

    /// A short decimal number with an optional `+` or `-`, as `Int(_:)` reads it; nil for anything else. Any
    /// byte that is not ASCII fails here, as it does there, so counting bytes is counting characters.
    private static func signedNumber(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
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
