/// A value bound to a query parameter (`$1`, `$2`, …), written by COPY, or read from a result column.
///
/// Bound as PostgreSQL's `text`, `bigint`, `double precision` and `boolean`; a column of another type is read
/// as the closest of these (`integer` and `smallint` as `.int`, `real` and `numeric` as `.double`, a whole
/// `numeric` such as `sum(bigint)` as `.int`).
public enum PostgresValue: Sendable, Hashable {
    case null
    case text(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)

    /// `.text(value)`, or `.null` for nil.
    public init(_ value: String?) { self = value.map(Self.text) ?? .null }
    /// `.int(value)`, or `.null` for nil.
    public init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    /// `.int(value)`, or `.null` for nil.
    public init(_ value: Int64?) { self = value.map(Self.int) ?? .null }
    /// `.double(value)`, or `.null` for nil.
    public init(_ value: Double?) { self = value.map(Self.double) ?? .null }
    /// `.bool(value)`, or `.null` for nil.
    public init(_ value: Bool?) { self = value.map(Self.bool) ?? .null }

    /// Whether this is SQL NULL.
    public var isNull: Bool { self == .null }

    /// The kind of value, for an error message (never the value itself: it may be personal data).
    var kind: String {
        switch self {
        case .null: "null"
        case .text: "text"
        case .int: "integer"
        case .double: "double"
        case .bool: "boolean"
        }
    }
}

extension PostgresValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}
