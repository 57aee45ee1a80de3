/// A keyed container's members, read in the order they were written, up to `end`.
struct BinaryKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingScalarForwarding {
    let reader: BinaryReader
    /// Where the container's body ends.
    let end: Int

    var codingPath: [any CodingKey] { [] }

    /// The keys of the members not yet read (only an enum with associated values asks, for its case).
    var allKeys: [Key] { ((try? reader.keys(before: end)) ?? []).compactMap(Key.init(stringValue:)) }

    /// Whether `key` is the next member.
    func contains(_ key: Key) -> Bool {
        let start = reader.position
        defer { reader.position = start }
        return reader.takeKey(key, before: end)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        let start = reader.position
        try reader.expectKey(key, before: end)
        if reader.takeNull() { return true }
        reader.position = start
        return false
    }

    func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.expectKey(key, before: end)
        return try reader.read(type)
    }

    func decodeValueIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard reader.takeKey(key, before: end), !reader.takeNull() else { return nil }
        return try reader.read(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try reader.expectKey(key, before: end)
        return try reader.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try reader.expectKey(key, before: end)
        return try reader.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try reader.expectKey(SuperKey(), before: end)
        return reader
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try reader.expectKey(key, before: end)
        return reader
    }

    /// The key `superEncoder()` encodes under, as the standard library names it.
    private struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }

        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
}

/// An unkeyed container's `count` elements, read in order. A class, so that the non-mutating methods
/// shared with the single-value container (`DecodingScalarForwarding`) can count what they read.
final class BinaryUnkeyedDecodingContainer: UnkeyedDecodingContainer, DecodingScalarForwarding {
    let reader: BinaryReader
    /// Where the container's body ends.
    let end: Int
    let count: Int?
    private(set) var currentIndex = 0

    init(reader: BinaryReader, end: Int, count: Int) {
        self.reader = reader
        self.end = end
        self.count = count
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    func decodeNil() throws -> Bool {
        try checkNotAtEnd()
        guard reader.takeNull() else { return false }
        currentIndex += 1
        return true
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        try checkNotAtEnd()
        let value = try reader.read(type)
        currentIndex += 1
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try checkNotAtEnd()
        currentIndex += 1
        return try reader.container(keyedBy: type)
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try checkNotAtEnd()
        currentIndex += 1
        return try reader.unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try checkNotAtEnd()
        currentIndex += 1
        return reader
    }

    private func checkNotAtEnd() throws {
        guard !isAtEnd, reader.position < end else { throw BinaryReader.corrupt("past the last element") }
    }
}

/// The single value at the reader's position.
struct BinarySingleValueDecodingContainer: SingleValueDecodingContainer, DecodingScalarForwarding {
    let reader: BinaryReader

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { reader.takeNull() }
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T { try reader.read(type) }
}
