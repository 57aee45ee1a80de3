import Foundation

/// The `Encoder` of one value for `PrettyJSONEncoder`: a scalar is written where the value stands; an
/// object's or array's members are written after one another and put in order when the value is complete
/// (`finish`). A container asked for by key or index (`nestedContainer`, `superEncoder`) writes into an
/// output of its own, taken in when its parent is complete.
final class JSONValueEncoder: Encoder {
    /// The output the value is written into: its parent's, or its own (which it frees).
    let output: UnsafeMutablePointer<JSONOutput>
    private let ownsOutput: Bool
    /// The number of containers around the value.
    let depth: Int
    private let parent: JSONValueEncoder?
    private let position: JSONPathPosition
    /// Where the value's bytes begin in `output`.
    private let start: Int
    private var kind = Kind.none
    /// The type of an object's coding keys.
    private var keyType: ObjectIdentifier?
    private var members: [JSONMember] = []

    private enum Kind { case none, single, keyed, unkeyed }

    /// Writes `value` at the end of `output`, indented for `depth` (the number of containers around it).
    static func write<T: Encodable>(_ value: T, to output: UnsafeMutablePointer<JSONOutput>, depth: Int, parent: JSONValueEncoder?,
                                    position: JSONPathPosition) throws {
        if try output.pointee.writeScalar(value) { return }
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self {
            let path = (parent?.codingPath ?? []) + position.keys
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(T.self) is not written by PrettyJSONEncoder"))
        }
        let encoder = JSONValueEncoder(output: output, ownsOutput: false, depth: depth, parent: parent, position: position)
        try value.encode(to: encoder)
        encoder.finish()
    }

    private init(output: UnsafeMutablePointer<JSONOutput>, ownsOutput: Bool, depth: Int, parent: JSONValueEncoder?, position: JSONPathPosition) {
        self.output = output
        self.ownsOutput = ownsOutput
        self.depth = depth
        self.parent = parent
        self.position = position
        start = output.pointee.bytes.count
    }

    deinit {
        guard ownsOutput else { return }
        output.deinitialize(count: 1)
        output.deallocate()
    }

    var codingPath: [any CodingKey] { (parent?.codingPath ?? []) + position.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        become(.keyed)
        keyType = ObjectIdentifier(type)
        return KeyedEncodingContainer(JSONKeyedContainer(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        become(.unkeyed)
        return JSONUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        become(.single)
        return JSONSingleValueContainer(encoder: self)
    }

    private func become(_ new: Kind) {
        precondition(kind == .none || kind == new, "a value asked for two kinds of container")
        kind = new
    }

    /// Puts the members written in order, the nested containers' first; a value that asked for no container
    /// is an empty object, as `JSONEncoder` writes it.
    private func finish() {
        for member in members { member.nested?.finish() }
        switch kind {
        case .single: break
        case .none, .keyed: output.pointee.close(from: start, members: members, keyed: true, keyType: keyType, depth: depth)
        case .unkeyed: output.pointee.close(from: start, members: members, keyed: false, keyType: nil, depth: depth)
        }
    }

    var count: Int { members.count }

    /// Writes a member (`key` is "" in an array).
    func add<T: Encodable>(_ value: T, key: String, position: JSONPathPosition) throws {
        let memberStart = output.pointee.bytes.count
        try Self.write(value, to: output, depth: depth + 1, parent: self, position: position)
        members.append(JSONMember(key: key, range: memberStart..<output.pointee.bytes.count))
    }

    func addNull(key: String) {
        let memberStart = output.pointee.bytes.count
        output.pointee.writeNull()
        members.append(JSONMember(key: key, range: memberStart..<output.pointee.bytes.count))
    }

    /// A member whose encoder the caller keeps and writes later.
    func addNested(key: String, position: JSONPathPosition) -> JSONValueEncoder {
        let own = UnsafeMutablePointer<JSONOutput>.allocate(capacity: 1)
        own.initialize(to: JSONOutput())
        let nested = JSONValueEncoder(output: own, ownsOutput: true, depth: depth + 1, parent: self, position: position)
        members.append(JSONMember(key: key, range: 0..<0, nested: nested))
        return nested
    }

    /// Writes `value` in this value's place, for a single-value container.
    func writeInPlace<T: Encodable>(_ value: T) throws {
        try Self.write(value, to: output, depth: depth, parent: parent, position: position)
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingScalarForwarding {
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { encoder.addNull(key: key.stringValue) }
    mutating func encodeValue<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.add(value, key: key.stringValue, position: .key(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.addNested(key: key.stringValue, position: .key(key)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.addNested(key: key.stringValue, position: .key(key)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.addNested(key: "super", position: .key(JSONSuperKey()))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.addNested(key: key.stringValue, position: .key(key))
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer, EncodingScalarForwarding {
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.count }

    mutating func encodeNil() throws { encoder.addNull(key: "") }
    mutating func encodeValue<T: Encodable>(_ value: T) throws {
        try encoder.add(value, key: "", position: .index(encoder.count))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.addNested(key: "", position: .index(encoder.count)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.addNested(key: "", position: .index(encoder.count)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.addNested(key: "", position: .index(encoder.count))
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer, EncodingScalarForwarding {
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.output.pointee.writeNull() }
    mutating func encodeValue<T: Encodable>(_ value: T) throws { try encoder.writeInPlace(value) }
}

/// The key `superEncoder()` encodes under, as the standard library names it.
struct JSONSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }

    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
