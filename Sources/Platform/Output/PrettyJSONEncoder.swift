import Foundation

/// Encodes a value to exactly the bytes Foundation's `JSONEncoder` writes with the output formatting
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and its default strategies: two-space
/// indentation, `"key" : value`, keys in the byte order of their UTF-8, numbers as their `description`
/// (`3` for `3.0`), strings escaped as `JSONEncoder` escapes them.
///
/// It writes into one byte buffer as the value encodes itself, instead of building a tree of values and
/// writing that: each object's members are written one after another and then put in key order in place.
/// For values that encode themselves through containers (every synthesized `Codable`); `Data`, `Date`,
/// `URL` and `Decimal`, which `JSONEncoder` writes in ways of its own, are refused, as are non-finite numbers.
public enum PrettyJSONEncoder {
    /// The JSON text of `value`, without a final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let output = UnsafeMutablePointer<JSONOutput>.allocate(capacity: 1)
        output.initialize(to: JSONOutput())
        defer {
            output.deinitialize(count: 1)
            output.deallocate()
        }
        try JSONValueEncoder.write(value, to: output, depth: 0, parent: nil, position: .none)
        return Data(output.pointee.bytes)
    }
}

/// Where a value stands in its parent, for `codingPath`.
enum JSONPathPosition {
    case none
    case key(any CodingKey)
    case index(Int)
}

/// A byte buffer that JSON values are written into, and where an object's or array's members are put in
/// order when it is complete. The encoders share it through a pointer, not a class, so that the many small
/// writes need no run-time exclusivity checks; no method of it calls back into an encoder.
struct JSONOutput {
    var bytes: [UInt8] = []
    /// A container's members while they are put in order.
    private var members: [UInt8] = []
    /// Per type of coding keys, the keys in the order an object of it last wrote them and the order they
    /// are written in (`memberOrder`).
    private var orders: [ObjectIdentifier: (written: [String], order: [Int])] = [:]
    /// The key type and entry of `orders` used last: the objects of an array, one after another, are of one
    /// type, and so need no look-up.
    private var lastOrder: (keyType: ObjectIdentifier, entry: (written: [String], order: [Int]))?

    /// Writes a `String`, number or `Bool` and returns true; false, having written nothing, for any other
    /// type. (Comparing types is far cheaper than a cast that fails.)
    mutating func writeScalar<T: Encodable>(_ value: T) throws -> Bool {
        if T.self == String.self { writeString(value as! String) }
        else if T.self == Double.self { try writeFloatingPoint(value as! Double) }
        else if T.self == Int.self { writeInteger(value as! Int) }
        else if T.self == Bool.self { writeBool(value as! Bool) }
        else if T.self == Float.self { try writeFloatingPoint(value as! Float) }
        else if T.self == Int8.self { writeInteger(value as! Int8) }
        else if T.self == Int16.self { writeInteger(value as! Int16) }
        else if T.self == Int32.self { writeInteger(value as! Int32) }
        else if T.self == Int64.self { writeInteger(value as! Int64) }
        else if T.self == UInt.self { writeInteger(value as! UInt) }
        else if T.self == UInt8.self { writeInteger(value as! UInt8) }
        else if T.self == UInt16.self { writeInteger(value as! UInt16) }
        else if T.self == UInt32.self { writeInteger(value as! UInt32) }
        else if T.self == UInt64.self { writeInteger(value as! UInt64) }
        else { return false }
        return true
    }

    mutating func writeNull() { append("null") }

    mutating func writeBool(_ value: Bool) { append(value ? "true" : "false") }

    mutating func writeInteger<I: FixedWidthInteger>(_ value: I) {
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// As `JSONEncoder`: the number's `description`, without a trailing `.0`.
    mutating func writeFloatingPoint<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        var text = value.description
        text.withUTF8 { utf8 in
            let dropped = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0") ? 2 : 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<(utf8.count - dropped)]))
        }
    }

    /// A string in quotes, escaped as `JSONEncoder` escapes it: `"` and `\` with a backslash, backspace,
    /// form feed, newline, carriage return and tab as `\b \f \n \r \t`, other bytes below 0x20 as `\u00XX`
    /// (lower-case hex); `/`, DEL and all else as they are.
    mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = { (digit: UInt8) in digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4), hex(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func newline(indent depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
    }

    /// Replaces what was written from `start` on, the members of an object (`keyed`) or array at `depth`,
    /// by the container: its members in key order for an object, each on a line of its own. `keyType` is the
    /// type of an object's coding keys. A member written elsewhere (a nested container asked for by key),
    /// complete by now, comes from its own output.
    mutating func close(from start: Int, members entries: [JSONMember], keyed: Bool, keyType: ObjectIdentifier?, depth: Int) {
        let order = keyed ? memberOrder(entries, keyType: keyType) : Array(entries.indices)
        members.removeAll(keepingCapacity: true)
        members.append(contentsOf: bytes[start...])
        bytes.removeSubrange(start...)
        bytes.append(keyed ? UInt8(ascii: "{") : UInt8(ascii: "["))
        if order.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        for (index, entry) in order.lazy.map({ entries[$0] }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent: depth + 1)
            if keyed {
                writeString(entry.key)
                append(" : ")
            }
            if let nested = entry.nested {
                bytes.append(contentsOf: nested.output.pointee.bytes)
            } else {
                bytes.append(contentsOf: members[(entry.range.lowerBound - start)..<(entry.range.upperBound - start)])
            }
        }
        newline(indent: depth)
        bytes.append(keyed ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// The order to write an object's members in: by the bytes of their keys' UTF-8, as JSONEncoder sorts
    /// them, and of a key written twice only the last, as JSONEncoder keeps it. The objects of one type write
    /// the same keys in the same order, nearly always: that order is kept per key type and used again.
    private mutating func memberOrder(_ members: [JSONMember], keyType: ObjectIdentifier?) -> [Int] {
        if let keyType, let known = lastOrder?.keyType == keyType ? lastOrder?.entry : orders[keyType],
           known.written.count == members.count, zip(known.written, members).allSatisfy({ $0 == $1.key }) {
            lastOrder = (keyType, known)
            return known.order
        }
        var order = members.indices.sorted { a, b in
            let byKey = Self.compare(members[a].key, members[b].key)
            return byKey != 0 ? byKey < 0 : a < b
        }
        order = order.indices.filter { $0 + 1 == order.count || members[order[$0 + 1]].key != members[order[$0]].key }.map { order[$0] }
        if let keyType {
            let entry = (written: members.map(\.key), order: order)
            orders[keyType] = entry
            lastOrder = (keyType, entry)
        }
        return order
    }

    /// Negative, zero or positive as `a`'s UTF-8 bytes come before, equal or after `b`'s.
    private static func compare(_ a: String, _ b: String) -> Int {
        var left = a
        var right = b
        return left.withUTF8 { l in
            right.withUTF8 { r in
                let common = min(l.count, r.count) == 0 ? 0 : memcmp(l.baseAddress!, r.baseAddress!, min(l.count, r.count))
                return common != 0 ? Int(common) : l.count - r.count
            }
        }
    }
}

/// A member of an object (with its key) or an array: where its bytes were written, or the encoder of a
/// nested container that writes into an output of its own.
struct JSONMember {
    var key: String
    var range: Range<Int>
    var nested: JSONValueEncoder?
}

extension JSONPathPosition {
    var keys: [any CodingKey] {
        switch self {
        case .none: []
        case .key(let key): [key]
        case .index(let index): [JSONIndexKey(intValue: index)]
        }
    }
}

/// The key of an array element in a coding path.
struct JSONIndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
