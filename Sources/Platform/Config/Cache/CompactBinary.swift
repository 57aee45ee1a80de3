/// The tagged binary form `CompactBinaryEncoder` writes and `CompactBinaryReader` reads: each value is a
/// tag byte and its payload, in the order the value encodes itself.
///
/// | tag | value | payload |
/// |---|---|---|
/// | `N` | nil | none |
/// | `F`, `T` | false, true | none |
/// | `I` | a signed integer | its zigzag LEB128 |
/// | `U` | an unsigned integer | its LEB128 |
/// | `D`, `f` | a `Double`, a `Float` | its bit pattern, little-endian (8 or 4 bytes) |
/// | `S` | a string | its UTF-8 length (LEB128), then the bytes |
/// | `O` | a keyed container | the length of its body (LEB128), then each member: its key as a string's payload, then its value |
/// | `A` | an unkeyed container | its element count and the length of its body (LEB128 each), then each element |
///
/// Written by hand because no library this package has writes `Codable` values in a binary form that reads
/// back without first building a tree of every value (Foundation's `PropertyListDecoder` and `JSONDecoder`
/// both do): reading the typed configuration back must cost far less than decoding its YAML.
enum CompactBinary {
    /// Bytes that do not read back as the value asked for.
    struct Corrupt: Error, CustomStringConvertible {
        let description: String

        init(_ message: String) {
            description = "compact binary: \(message)"
        }
    }

    enum Tag: UInt8 {
        case null = 0x4E            // N
        case falseValue = 0x46      // F
        case trueValue = 0x54       // T
        case signed = 0x49          // I
        case unsigned = 0x55        // U
        case double = 0x44          // D
        case float = 0x66           // f
        case string = 0x53          // S
        case keyed = 0x4F           // O
        case unkeyed = 0x41         // A
    }

    /// Appends `value` as LEB128: seven bits a byte, the lowest first, the top bit set on every byte but the last.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zigzag: 0, -1, 1, -2, … as 0, 1, 2, 3, …, so that small negative numbers stay short.
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }
}
