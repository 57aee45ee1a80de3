/// A number that may be missing ("no data", not 0), written to JSON as `null` rather than left out, so that
/// a reader of the lägesbild contract sees the key in every cell and tells no data from zero.
@propertyWrapper
public struct NullWhenNoData: Sendable, Hashable, Codable {
    public var wrappedValue: Double?

    public init(wrappedValue: Double?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A missing key reads as no data, as `null` does.
    public func decode(_ type: NullWhenNoData.Type, forKey key: Key) throws -> NullWhenNoData {
        try decodeIfPresent(type, forKey: key) ?? NullWhenNoData(wrappedValue: nil)
    }
}
