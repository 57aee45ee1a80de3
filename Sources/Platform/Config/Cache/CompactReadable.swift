/// A type read back from the configuration cache by a reader written for it, from exactly the bytes
/// `CompactBinaryEncoder` writes for its synthesized `Encodable` conformance.
///
/// Written by hand instead of decoding through `Decodable` for speed: reading the cache's entries was a
/// quarter of `lagesbild --all --format csv`'s instructions, and some 60% of that was the runtime's generic
/// metadata, witness-table and conformance look-ups behind `Codable` (keyed-container boxes, unkeyed-container
/// existentials, `Array`'s generic `init(from:)`), not the bytes. A reader per type, used only through
/// generic functions the compiler specializes, has none of them.
///
/// Each reader reads its type's members in the order the type declares its stored properties (the order
/// synthesized `Codable` writes them), every one of them: a stored property added to a model type and not
/// to its reader leaves a member over, so the entry does not read back and is never written
/// (`KommunConfigCache.entry(for:key:digest:)`), and the cache tests fail.
protocol CompactReadable {
    /// The value that is next in `reader`.
    init(compact reader: inout CompactBinaryReader) throws
}

/// A `CompactReadable` type written as a keyed container (a struct, an enum with associated values): its reader
/// reads the container's members.
protocol CompactObject: CompactReadable {
    /// The value whose members are next: every member of the container, in the order they were written.
    static func read(members reader: inout CompactBinaryReader) throws -> Self
}

extension CompactObject {
    init(compact reader: inout CompactBinaryReader) throws {
        self = try reader.object(Self.read(members:))
    }
}

extension String: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws { self = try reader.string() }
}

extension Int: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws { self = try reader.int() }
}

extension Double: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws { self = try reader.double() }
}

extension Bool: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws { self = try reader.bool() }
}

extension Array: CompactReadable where Element: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        self = try reader.elements { reader, count in
            var elements: [Element] = []
            elements.reserveCapacity(count)
            for _ in 0..<count { elements.append(try Element(compact: &reader)) }
            return elements
        }
    }
}

/// A dictionary keyed by a `String` enum: `Codable` writes it, as any dictionary whose key is not a `String`,
/// an `Int` or `CodingKeyRepresentable`, as an unkeyed container of keys and values in turn.
extension Dictionary: CompactReadable where Key: CompactReadable & RawRepresentable, Key.RawValue == String, Value: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        self = try reader.elements { reader, count in
            guard count.isMultiple(of: 2) else { throw CompactBinary.Corrupt("a key without its value") }
            var table: [Key: Value] = [:]
            table.reserveCapacity(count / 2)
            for _ in 0..<count / 2 {
                let key = try Key(compact: &reader)
                guard table.updateValue(try Value(compact: &reader), forKey: key) == nil else {
                    throw CompactBinary.Corrupt("a key given twice")
                }
            }
            return table
        }
    }
}

/// An enum of `String` raw values, written as its raw value.
extension CompactReadable where Self: RawRepresentable, RawValue == String {
    init(compact reader: inout CompactBinaryReader) throws {
        guard let value = Self(rawValue: try reader.string()) else { throw CompactBinary.Corrupt("not a \(Self.self)") }
        self = value
    }
}
