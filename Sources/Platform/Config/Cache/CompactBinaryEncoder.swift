/// Encodes a value in `CompactBinary`'s form: its members in the order it encodes them, a keyed container's
/// keys by name (so that a member left out, as `encodeIfPresent` leaves out nil, is known by the next key),
/// each container's length before its body (so that a reader knows where it ends).
///
/// An `Encoder` a value: a scalar is written where the value stands; a container's body is collected and
/// written, its length first, when the value is complete. A container asked for by key or index
/// (`nestedContainer`, `superEncoder`) collects its own body, put in its place when its parent is complete.
enum CompactBinaryEncoder {
    /// The bytes of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try BinaryValueEncoder.write(value, into: &bytes)
        return bytes
    }
}

final class BinaryValueEncoder: Encoder {
    private enum Kind { case none, single, keyed, unkeyed }

    private var kind = Kind.none
    /// A single value's bytes, or a container's body so far.
    var body: [UInt8] = []
    /// The elements of an unkeyed container so far.
    private(set) var count = 0
    /// Containers asked for by key or index: where in `body` each one's bytes go.
    private var nested: [(offset: Int, encoder: BinaryValueEncoder)] = []

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Appends `value`: a scalar directly, anything else through an encoder of its own.
    static func write<T: Encodable>(_ value: T, into bytes: inout [UInt8]) throws {
        if writeScalar(value, into: &bytes) { return }
        let encoder = BinaryValueEncoder()
        try value.encode(to: encoder)
        try encoder.finish(into: &bytes)
    }

    /// Writes a `String`, number or `Bool` and returns true; false, having written nothing, for any other type.
    private static func writeScalar<T: Encodable>(_ value: T, into bytes: inout [UInt8]) -> Bool {
        if T.self == String.self { writeString(value as! String, into: &bytes) }
        else if T.self == Int.self { writeSigned(Int64(value as! Int), into: &bytes) }
        else if T.self == Double.self { writeBits((value as! Double).bitPattern, tag: .double, into: &bytes) }
        else if T.self == Bool.self { bytes.append((value as! Bool ? CompactBinary.Tag.trueValue : .falseValue).rawValue) }
        else if T.self == Float.self { writeBits((value as! Float).bitPattern, tag: .float, into: &bytes) }
        else if T.self == Int8.self { writeSigned(Int64(value as! Int8), into: &bytes) }
        else if T.self == Int16.self { writeSigned(Int64(value as! Int16), into: &bytes) }
        else if T.self == Int32.self { writeSigned(Int64(value as! Int32), into: &bytes) }
        else if T.self == Int64.self { writeSigned(value as! Int64, into: &bytes) }
        else if T.self == UInt.self { writeUnsigned(UInt64(value as! UInt), into: &bytes) }
        else if T.self == UInt8.self { writeUnsigned(UInt64(value as! UInt8), into: &bytes) }
        else if T.self == UInt16.self { writeUnsigned(UInt64(value as! UInt16), into: &bytes) }
        else if T.self == UInt32.self { writeUnsigned(UInt64(value as! UInt32), into: &bytes) }
        else if T.self == UInt64.self { writeUnsigned(value as! UInt64, into: &bytes) }
        else { return false }
        return true
    }

    private static func writeString(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(CompactBinary.Tag.string.rawValue)
        writeKey(value, into: &bytes)
    }

    /// A string's payload: its UTF-8 length, then its bytes (a key is written so, without a tag).
    static func writeKey(_ value: String, into bytes: inout [UInt8]) {
        CompactBinary.appendVarint(UInt64(value.utf8.count), to: &bytes)
        bytes.append(contentsOf: value.utf8)
    }

    private static func writeSigned(_ value: Int64, into bytes: inout [UInt8]) {
        bytes.append(CompactBinary.Tag.signed.rawValue)
        CompactBinary.appendVarint(CompactBinary.zigzag(value), to: &bytes)
    }

    private static func writeUnsigned(_ value: UInt64, into bytes: inout [UInt8]) {
        bytes.append(CompactBinary.Tag.unsigned.rawValue)
        CompactBinary.appendVarint(value, to: &bytes)
    }

    private static func writeBits<Bits: FixedWidthInteger>(_ bits: Bits, tag: CompactBinary.Tag, into bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        become(.keyed)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        become(.unkeyed)
        return BinaryUnkeyedEncodingContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        become(.single)
        return BinarySingleValueEncodingContainer(encoder: self)
    }

    private func become(_ new: Kind) {
        precondition(kind == .none || kind == new, "a value asked for two kinds of container")
        kind = new
    }

    /// Writes the value: its nested containers put in their places, a container's length before its body.
    private func finish(into bytes: inout [UInt8]) throws {
        var content: [UInt8] = []
        var from = 0
        for (offset, encoder) in nested {
            content.append(contentsOf: body[from..<offset])
            try encoder.finish(into: &content)
            from = offset
        }
        content.append(contentsOf: body[from...])
        switch kind {
        case .none:
            throw EncodingError.invalidValue(body, .init(codingPath: [], debugDescription: "a value encoded nothing"))
        case .single:
            bytes.append(contentsOf: content)
        case .keyed:
            bytes.append(CompactBinary.Tag.keyed.rawValue)
            CompactBinary.appendVarint(UInt64(content.count), to: &bytes)
            bytes.append(contentsOf: content)
        case .unkeyed:
            bytes.append(CompactBinary.Tag.unkeyed.rawValue)
            CompactBinary.appendVarint(UInt64(count), to: &bytes)
            CompactBinary.appendVarint(UInt64(content.count), to: &bytes)
            bytes.append(contentsOf: content)
        }
    }

    /// Appends `key` (nil for an element of an unkeyed container) and then `value`.
    func add<T: Encodable>(_ value: T, key: String?) throws {
        addKey(key)
        try Self.write(value, into: &body)
    }

    func addNull(key: String?) {
        addKey(key)
        body.append(CompactBinary.Tag.null.rawValue)
    }

    /// Appends `key`, and an encoder whose value is put here when this one is complete.
    func addNested(key: String?) -> BinaryValueEncoder {
        addKey(key)
        let encoder = BinaryValueEncoder()
        nested.append((body.count, encoder))
        return encoder
    }

    private func addKey(_ key: String?) {
        if let key { Self.writeKey(key, into: &body) } else { count += 1 }
    }

    /// Writes `value` as this value, for a single-value container.
    func writeInPlace<T: Encodable>(_ value: T) throws {
        try checkSingle(value)
        try Self.write(value, into: &body)
    }

    func writeNullInPlace() throws {
        try checkSingle(CompactBinary.Tag.null.rawValue)
        body.append(CompactBinary.Tag.null.rawValue)
    }

    /// A single-value container holds one value.
    private func checkSingle(_ value: Any) throws {
        guard body.isEmpty else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "a single-value container encoded twice"))
        }
    }
}

struct BinaryKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingScalarForwarding {
    let encoder: BinaryValueEncoder

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.addNull(key: key.stringValue) }
    mutating func encodeValue<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.add(value, key: key.stringValue) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.addNested(key: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.addNested(key: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.addNested(key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.addNested(key: key.stringValue) }
}

struct BinaryUnkeyedEncodingContainer: UnkeyedEncodingContainer, EncodingScalarForwarding {
    let encoder: BinaryValueEncoder

    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.count }

    mutating func encodeNil() throws { encoder.addNull(key: nil) }
    mutating func encodeValue<T: Encodable>(_ value: T) throws { try encoder.add(value, key: nil) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.addNested(key: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder.addNested(key: nil).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder.addNested(key: nil) }
}

struct BinarySingleValueEncodingContainer: SingleValueEncodingContainer, EncodingScalarForwarding {
    let encoder: BinaryValueEncoder

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { try encoder.writeNullInPlace() }
    mutating func encodeValue<T: Encodable>(_ value: T) throws { try encoder.writeInPlace(value) }
}

