import Foundation

/// Reads a value `CompactBinaryEncoder` wrote, member by member in the order it was written: a value decodes
/// its members in the order it encoded them (as synthesized `Codable` does), so the reader never looks a
/// key up; it checks that each key it passes is the one asked for, and a key asked for that is not next
/// (`decodeIfPresent` of a member `encodeIfPresent` left out) is absent. Bytes that do not read back as the
/// type asked for (truncated, a tag or key not where it should be, a member left over) throw
/// `DecodingError.dataCorrupted`; nothing is ever read past the buffer.
enum CompactBinaryDecoder {
    /// The value of `type` that is all of `bytes`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = BinaryReader(buffer)
            let value = try reader.read(type)
            guard reader.position == buffer.count else { throw BinaryReader.corrupt("bytes left after the value") }
            return value
        }
    }
}

/// The `Decoder` of every value in one buffer, read from `position` on; lives only while the buffer does.
final class BinaryReader: Decoder {
    private let buffer: UnsafeBufferPointer<UInt8>
    /// Where the next value begins (unchecked for exclusive access: every access is a read or an assignment
    /// of one integer, and the reader is used by one thread).
    @exclusivity(unchecked) var position = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func corrupt(_ message: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "compact binary: \(message)"))
    }

    // MARK: Values

    /// The next value, of `type`. The scalars are told apart by comparing `T` with each type, never by a
    /// cast to `T?`: an optional of a generic type is a metadata look-up on every call.
    func read<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try readString() as! T }
        if T.self == Int.self { return try readInteger(Int.self) as! T }
        if T.self == Double.self { return Double(bitPattern: try readBits(UInt64.self, tag: .double)) as! T }
        if T.self == Bool.self { return try readBool() as! T }
        if T.self == Float.self { return Float(bitPattern: try readBits(UInt32.self, tag: .float)) as! T }
        if T.self == Int8.self { return try readInteger(Int8.self) as! T }
        if T.self == Int16.self { return try readInteger(Int16.self) as! T }
        if T.self == Int32.self { return try readInteger(Int32.self) as! T }
        if T.self == Int64.self { return try readInteger(Int64.self) as! T }
        if T.self == UInt.self { return try readInteger(UInt.self) as! T }
        if T.self == UInt8.self { return try readInteger(UInt8.self) as! T }
        if T.self == UInt16.self { return try readInteger(UInt16.self) as! T }
        if T.self == UInt32.self { return try readInteger(UInt32.self) as! T }
        if T.self == UInt64.self { return try readInteger(UInt64.self) as! T }
        let start = position
        let value = try T(from: self)
        try settle(from: start)
        return value
    }

    /// After a value that began at `start` has read itself: a container it left members of is passed over
    /// to its end; one it read past the end of is corrupt.
    private func settle(from start: Int) throws {
        var index = start
        let tag = try byte(at: &index)
        guard tag == CompactBinary.Tag.keyed.rawValue || tag == CompactBinary.Tag.unkeyed.rawValue else { return }
        if tag == CompactBinary.Tag.unkeyed.rawValue { _ = try varint(at: &index) }
        let end = try extent(at: &index)
        guard position <= end else { throw Self.corrupt("a container read past its end") }
        position = end
    }

    private func readString() throws -> String {
        try expect(.string)
        return try stringPayload()
    }

    private func readBool() throws -> Bool {
        switch try byte(at: &position) {
        case CompactBinary.Tag.trueValue.rawValue: return true
        case CompactBinary.Tag.falseValue.rawValue: return false
        default: throw Self.corrupt("expected a Bool")
        }
    }

    private func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let tag = try byte(at: &position)
        let value: T?
        switch tag {
        case CompactBinary.Tag.signed.rawValue: value = T(exactly: CompactBinary.unzigzag(try varint(at: &position)))
        case CompactBinary.Tag.unsigned.rawValue: value = T(exactly: try varint(at: &position))
        default: throw Self.corrupt("expected an integer")
        }
        guard let value else { throw Self.corrupt("an integer out of \(T.self)'s range") }
        return value
    }

    private func readBits<Bits: FixedWidthInteger>(_ type: Bits.Type, tag: CompactBinary.Tag) throws -> Bits {
        try expect(tag)
        let size = MemoryLayout<Bits>.size
        guard buffer.count - position >= size, let base = buffer.baseAddress else { throw Self.corrupt("a number cut short") }
        let bits = UnsafeRawPointer(base + position).loadUnaligned(as: Bits.self)
        position += size
        return Bits(littleEndian: bits)
    }

    // MARK: Bytes

    private func byte(at index: inout Int) throws -> UInt8 {
        guard index < buffer.count else { throw Self.corrupt("cut short") }
        defer { index += 1 }
        return buffer[index]
    }

    private func varint(at index: inout Int) throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = try byte(at: &index)
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            guard shift < 64 else { throw Self.corrupt("a number too long") }
        }
    }

    /// A length, which must fit in the bytes after `index`; returns the index just past that many bytes.
    private func extent(at index: inout Int) throws -> Int {
        let length = try varint(at: &index)
        guard length <= UInt64(buffer.count - index) else { throw Self.corrupt("a length past the end") }
        return index + Int(length)
    }

    private func expect(_ tag: CompactBinary.Tag) throws {
        guard try byte(at: &position) == tag.rawValue else { throw Self.corrupt("expected \(tag)") }
    }

    /// The tag of the next value, read nothing.
    var nextTag: UInt8? { position < buffer.count ? buffer[position] : nil }

    /// Passes a nil; true when the next value is one.
    func takeNull() -> Bool {
        guard nextTag == CompactBinary.Tag.null.rawValue else { return false }
        position += 1
        return true
    }

    private func stringPayload() throws -> String {
        var index = position
        let end = try extent(at: &index)
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<end]), as: UTF8.self)
        position = end
        return text
    }

    /// Passes the key at `position`, before `end`, when it is `key`; true then.
    func takeKey(_ key: some CodingKey, before end: Int) -> Bool {
        guard position < end else { return false }
        var index = position
        guard let keyEnd = try? extent(at: &index), keyEnd <= end else { return false }
        var name = key.stringValue
        let same = name.withUTF8 { name in
            name.count == keyEnd - index && (name.isEmpty || memcmp(name.baseAddress!, buffer.baseAddress! + index, name.count) == 0)
        }
        if same { position = keyEnd }
        return same
    }

    /// Passes the key `key`, which must be next.
    func expectKey(_ key: some CodingKey, before end: Int) throws {
        guard takeKey(key, before: end) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "compact binary: '\(key.stringValue)' is not the next member"))
        }
    }

    /// The keys from `position` to `end`, read nothing.
    func keys(before end: Int) throws -> [String] {
        let start = position
        defer { position = start }
        var keys: [String] = []
        while position < end {
            keys.append(try stringPayload())
            try skipValue()
        }
        return keys
    }

    private func skipValue() throws {
        let tag = try byte(at: &position)
        switch CompactBinary.Tag(rawValue: tag) {
        case .null, .falseValue, .trueValue: break
        case .signed, .unsigned: _ = try varint(at: &position)
        case .double: position -= 1; _ = try readBits(UInt64.self, tag: .double)
        case .float: position -= 1; _ = try readBits(UInt32.self, tag: .float)
        case .string, .keyed: position = try extent(at: &position)
        case .unkeyed:
            _ = try varint(at: &position)
            position = try extent(at: &position)
        case nil: throw Self.corrupt("an unknown tag")
        }
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.keyed)
        return KeyedDecodingContainer(BinaryKeyedDecodingContainer(reader: self, end: try extent(at: &position)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.unkeyed)
        let count = try varint(at: &position)
        let end = try extent(at: &position)
        // Every element takes at least a byte.
        guard count <= UInt64(end - position) else { throw Self.corrupt("more elements than bytes") }
        return BinaryUnkeyedDecodingContainer(reader: self, end: end, count: Int(count))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(reader: self)
    }
}
