import Foundation

/// Reads what `CompactBinaryEncoder` wrote, value by value in the order it was written, for the hand-written
/// `CompactReadable` readers of the configuration model.
///
/// A keyed container's members are read in the order synthesized `Codable` encodes them (the order the type
/// declares its stored properties): a required member must be next, and an optional one the encoder left out
/// (`encodeIfPresent` of nil) is known by the next key being another. A container must be read to its end
/// exactly: a member or element left over is an error, so a reader that misses a member never reads back.
/// Bytes that do not read back (cut short, a tag, key or length not as written) throw `CompactBinary.Corrupt`;
/// nothing is ever read past the buffer.
struct CompactBinaryReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next value begins.
    private var position = 0
    /// Where the keyed container whose members are being read ends.
    private var end: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.end = bytes.count
    }

    /// The value of `type` that is all of `bytes`.
    static func read<T: CompactReadable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = CompactBinaryReader(buffer)
            let value = try T(compact: &reader)
            guard reader.position == buffer.count else { throw CompactBinary.Corrupt("bytes left after the value") }
            return value
        }
    }

    // MARK: Scalars

    mutating func string() throws -> String {
        try expect(.string)
        let stop = try extent()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<stop]), as: UTF8.self)
        position = stop
        return text
    }

    mutating func int() throws -> Int {
        try expect(.signed)
        guard let value = Int(exactly: CompactBinary.unzigzag(try varint())) else {
            throw CompactBinary.Corrupt("an integer out of range")
        }
        return value
    }

    mutating func double() throws -> Double {
        try expect(.double)
        guard bytes.count - position >= 8, let base = bytes.baseAddress else { throw CompactBinary.Corrupt("a number cut short") }
        let bits = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case CompactBinary.Tag.trueValue.rawValue: return true
        case CompactBinary.Tag.falseValue.rawValue: return false
        default: throw CompactBinary.Corrupt("expected a Bool")
        }
    }

    // MARK: Containers

    /// A keyed container, its members read by `read`, which must read every one.
    mutating func object<T>(_ read: (inout CompactBinaryReader) throws -> T) throws -> T {
        try expect(.keyed)
        let stop = try extent()
        let outer = end
        end = stop
        let value = try read(&self)
        guard position == stop else {
            throw CompactBinary.Corrupt(position < stop ? "a member left over" : "a member past its container's end")
        }
        end = outer
        return value
    }

    /// The member `key`, which must be next.
    mutating func member<T: CompactReadable>(_ key: StaticString) throws -> T {
        guard takeKey(key) else { throw CompactBinary.Corrupt("'\(key)' is not the next member") }
        return try T(compact: &self)
    }

    /// The member `key` when it is next; nil when it was left out.
    mutating func optionalMember<T: CompactReadable>(_ key: StaticString) throws -> T? {
        guard takeKey(key) else { return nil }
        return try T(compact: &self)
    }

    /// Passes the key `key` when it is the next member's; true then.
    mutating func takeKey(_ key: StaticString) -> Bool {
        // Every key is shorter than 128 bytes, so its length is one byte; a longer one is some other key.
        guard position < end else { return false }
        let length = Int(bytes[position])
        guard length == key.utf8CodeUnitCount, end - position - 1 >= length,
              memcmp(key.utf8Start, bytes.baseAddress! + position + 1, length) == 0 else { return false }
        position += 1 + length
        return true
    }

    /// An unkeyed container: `read` is given the number of elements and reads them all.
    mutating func elements<T>(_ read: (inout CompactBinaryReader, Int) throws -> T) throws -> T {
        try expect(.unkeyed)
        let count = try varint()
        let stop = try extent()
        // Every element takes at least a byte.
        guard count <= UInt64(stop - position) else { throw CompactBinary.Corrupt("more elements than bytes") }
        let value = try read(&self, Int(count))
        guard position == stop else {
            throw CompactBinary.Corrupt(position < stop ? "an element left over" : "an element past its container's end")
        }
        return value
    }

    // MARK: Bytes

    private mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw CompactBinary.Corrupt("cut short") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func expect(_ tag: CompactBinary.Tag) throws {
        guard try byte() == tag.rawValue else { throw CompactBinary.Corrupt("expected \(tag)") }
    }

    private mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = try byte()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            guard shift < 64 else { throw CompactBinary.Corrupt("a number too long") }
        }
    }

    /// A length, which must fit in the bytes after it; returns the position just past that many bytes.
    private mutating func extent() throws -> Int {
        let length = try varint()
        guard length <= UInt64(bytes.count - position) else { throw CompactBinary.Corrupt("a length past the end") }
        return position + Int(length)
    }
}
