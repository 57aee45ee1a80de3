import Foundation

/// A YAML document as `YAMLLoader` reads it: every node a plain record in one array, the text of every
/// scalar in one shared byte buffer, and the children of every list and mapping as runs of record indexes in
/// a third array. Reading a kommun file made a `Node` tree of enums, Strings and arrays, and freeing it was
/// as costly as building it; here a file is three arrays, and a scalar becomes a String only when a reader
/// asks for its text. An alias is a record of its own (with the alias's mark) that shares the children of
/// the node it names, as the tree shared storage. (`YAMLLoader` appends to the arrays as events arrive.)
struct FlatDocument: Sendable {
    /// One node.
    struct Record {
        /// What a record is: a scalar (and how it was written), a list or a mapping.
        enum Kind: UInt8 {
            case plain, singleQuoted, doubleQuoted, literal, folded, sequence, mapping
        }

        var kind: Kind
        /// For a scalar read as a mapping's key, whether its text is all ASCII (keys are then compared by
        /// their bytes alone); false for other scalars, which are not compared (false costs only a slower
        /// comparison, should one be used as a key through an alias).
        var isASCII: Bool
        var line: Int32
        var column: Int32
        /// A scalar's first byte in `text`; a list's or mapping's first child in `children`.
        var start: Int32
        /// A scalar's length in bytes; a list's items; a mapping's keys and values (twice its pairs).
        var count: Int32

        var isScalar: Bool { kind.rawValue < Kind.sequence.rawValue }
        var mark: Mark { Mark(line: Int(line), column: Int(column)) }
    }

    /// One step down from a list or mapping, kept compact: to the value under the scalar key in record
    /// `key`, or to item `index`; `none` for a key itself (or a value under a key that is not a scalar).
    enum Step {
        case none
        case key(Int32)
        case index(Int32)
    }

    var records: [Record] = []
    var text: [UInt8] = []
    /// Lists' items in order; mappings' pairs as key, value, key, value.
    var children: [Int32] = []
    var root: Int32 = 0

    /// A document of one empty mapping, for a context that decodes nothing.
    static let empty = FlatDocument(records: [Record(kind: .mapping, isASCII: true, line: 1, column: 1, start: 0, count: 0)])

    /// The text of scalar `index`.
    func string(_ index: Int32) -> String {
        withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of scalar `index`.
    func withBytes<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let record = records[Int(index)]
        return text.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(record.start)..<Int(record.start + record.count)]))
        }
    }

    /// True for a plain `~`, `null` or empty scalar.
    func isNull(_ index: Int32) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .plain else { return false }
        let start = Int(record.start)
        switch record.count {
        case 0: return true
        case 1: return text[start] == UInt8(ascii: "~")
        case 4:
            // null, Null, NULL
            let n = text[start], u = text[start + 1], l = text[start + 2], last = text[start + 3]
            if n == UInt8(ascii: "n") { return u == UInt8(ascii: "u") && l == UInt8(ascii: "l") && last == UInt8(ascii: "l") }
            guard n == UInt8(ascii: "N") else { return false }
            return u == UInt8(ascii: "u") && l == UInt8(ascii: "l") && last == UInt8(ascii: "l")
                || u == UInt8(ascii: "U") && l == UInt8(ascii: "L") && last == UInt8(ascii: "L")
        default: return false
        }
    }

    /// Whether scalar `index`'s text equals `other`'s as Strings compare (canonical equivalence): by bytes
    /// when both are ASCII, as Strings otherwise.
    func scalar(_ index: Int32, equals other: UnsafeBufferPointer<UInt8>, otherIsASCII: Bool) -> Bool {
        let record = records[Int(index)]
        let bytesEqual = text.withUnsafeBufferPointer { text in
            Int(record.count) == other.count
                && (other.isEmpty || memcmp(text.baseAddress! + Int(record.start), other.baseAddress!, other.count) == 0)
        }
        if bytesEqual { return true }
        if record.isASCII, otherIsASCII { return false }
        return string(index) == String(decoding: other, as: UTF8.self)
    }

    /// Whether scalars `a` and `b` have equal texts, as Strings compare.
    func scalar(_ a: Int32, equals b: Int32) -> Bool {
        let other = records[Int(b)]
        return text.withUnsafeBufferPointer { text in
            scalar(a, equals: UnsafeBufferPointer(rebasing: text[Int(other.start)..<Int(other.start + other.count)]),
                   otherIsASCII: other.isASCII)
        }
    }

    /// `step` as a path step, its key spelled out.
    func pathStep(_ step: Step) -> YAMLPath.Step {
        switch step {
        case .none: .none
        case .key(let key): .key(string(key))
        case .index(let index): .index(Int(index))
        }
    }

    /// A short name for a node's kind, for error messages.
    func kindName(_ index: Int32) -> String {
        switch records[Int(index)].kind {
        case .sequence: "a list"
        case .mapping: "a mapping"
        default: isNull(index) ? "null" : "a scalar"
        }
    }

    /// A key's bit in a 64-bit set of keys, by its length and first and last bytes: a key whose bit is not
    /// in a set of ASCII keys' bits has the same bytes as none of them.
    static func keyBit(of key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = key.first, let last = key.last else { return 1 }
        return 1 << ((UInt64(key.count) &* 31 &+ UInt64(first) &* 7 &+ UInt64(last)) & 63)
    }

    /// Scalar `index`'s `keyBit`.
    func keyBit(_ index: Int32) -> UInt64 {
        withBytes(index, Self.keyBit(of:))
    }

    /// Whether `bytes` are all ASCII: eight at a time, then one by one.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var bits: UInt64 = 0, index = 0
        while index + 8 <= bytes.count {
            bits |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            bits |= UInt64(bytes[index])
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }
}
