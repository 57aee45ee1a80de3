/// The members of one JSON object, written by `JSONOutput.writeObject`: each written where it is given, so
/// they must be given in the order `JSONEncoder`'s `.sortedKeys` puts them in, by the bytes of their keys'
/// UTF-8 (`Z` before `a`, `areaName` before `areas`). Debug builds assert that order.
///
/// Keys are property names: ASCII letters and digits, written as they are. An optional is left out when nil
/// (`ifPresent:`, as synthesized `Codable` leaves it out) or written as `null` (`orNull:`, `@NullWhenNoData`).
struct JSONObjectWriter {
    /// The buffer, taken over from the `JSONOutput` the object is written into while it is written.
    var output = JSONOutput()
    /// The key of the member written last; nil before the first.
    private var lastKey: StaticString?

    var isEmpty: Bool { lastKey == nil }

    mutating func member<T: JSONWritable>(_ key: StaticString, _ value: T) throws {
        writeKey(key)
        try value.writeJSON(to: &output)
    }

    /// Writes the member when `value` is not nil.
    mutating func member<T: JSONWritable>(_ key: StaticString, ifPresent value: T?) throws {
        if let value { try member(key, value) }
    }

    /// Writes the number, or `null` when it is nil (no data).
    mutating func member(_ key: StaticString, orNull value: Double?) throws {
        writeKey(key)
        try output.writeFloatingPointOrNull(value)
    }

    /// Writes an array of numbers with `null` for each nil.
    mutating func member(_ key: StaticString, elementsOrNull values: [Double?]) throws {
        writeKey(key)
        try output.writeArray(values) { try $1.writeFloatingPointOrNull($0) }
    }

    private mutating func writeKey(_ key: StaticString) {
        assert(lastKey.map { Self.utf8(of: $0).lexicographicallyPrecedes(Self.utf8(of: key)) } ?? true,
               "JSON key \(key) written after \(lastKey!): members must be written in the byte order of their keys")
        output.beginMember(first: lastKey == nil)
        lastKey = key
        output.append("\"")
        output.append(key)
        output.append("\" : ")
    }

    private static func utf8(of key: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
    }
}
