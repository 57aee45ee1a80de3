import Foundation

/// A byte buffer JSON text is written into, laid out exactly as Foundation's `JSONEncoder` lays it out with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indentation, each member of an object
/// or array on a line of its own, `"key" : value`, an empty object or array as its brackets around an empty
/// line; numbers as their `description` (`3` for `3.0`), strings escaped as `JSONEncoder` escapes them.
///
/// Values write themselves into it (`JSONWritable`); an object's members go through a `JSONObjectWriter`,
/// which the caller gives them to in key order.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// The number of objects and arrays open around what is written next.
    private var depth = 0

    mutating func writeNull() { append("null") }

    mutating func writeBool(_ value: Bool) { append(value ? "true" : "false") }

    mutating func writeInteger<I: FixedWidthInteger>(_ value: I) {
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// As `JSONEncoder`: the number's `description`, without a trailing `.0`; a number that is not finite is
    /// refused, as `JSONEncoder` refuses it.
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

    /// A number, or `null` for nil.
    mutating func writeFloatingPointOrNull(_ value: Double?) throws {
        if let value { try writeFloatingPoint(value) } else { writeNull() }
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

    /// Writes an array of `elements`, each written by `writeElement`.
    mutating func writeArray<C: Collection>(_ elements: C, _ writeElement: (C.Element, inout JSONOutput) throws -> Void) rethrows {
        open("[")
        for (index, element) in elements.enumerated() {
            beginMember(first: index == 0)
            try writeElement(element, &self)
        }
        close("]", isEmpty: elements.isEmpty)
    }

    /// Writes an object whose members `writeMembers` gives, in key order, to the `JSONObjectWriter` it is passed.
    mutating func writeObject(_ writeMembers: (inout JSONObjectWriter) throws -> Void) rethrows {
        // The object writer takes the buffer over while the members are written (swapped, not copied, so
        // that it stays uniquely referenced), and gives it back complete.
        var object = JSONObjectWriter()
        swap(&self, &object.output)
        defer { swap(&self, &object.output) }
        object.output.open("{")
        try writeMembers(&object)
        object.output.close("}", isEmpty: object.isEmpty)
    }

    /// Begins a member of the open object or array: after a comma unless it is the `first`, on a line of its own.
    mutating func beginMember(first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline()
    }

    mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func open(_ bracket: StaticString) {
        append(bracket)
        depth += 1
    }

    private mutating func close(_ bracket: StaticString, isEmpty: Bool) {
        depth -= 1
        if isEmpty { bytes.append(UInt8(ascii: "\n")) }
        newline()
        append(bracket)
    }

    /// A line break, and the indentation of the depth.
    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
    }
}
