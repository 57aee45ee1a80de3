/// A value bound to a query parameter (`$1`, `$2`, …), written by COPY, or read from a result column.
///
/// Bound as PostgreSQL's `text`, `bigint`, `double precision` and `boolean`; a column of another type is read
/// as the closest of these (`integer` and `smallint` as `.int`, `real` and `numeric` as `.double`, a whole
/// `numeric` such as `sum(bigint)` as `.int`).
public enum PostgresValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// `text` (and `varchar`, `name`).
    case text(String)
    /// `bigint` (and `integer`, `smallint`, a whole `numeric`).
    case int(Int64)
    /// `double precision` (and `real`, a fractional `numeric`).
    case double(Double)
    /// `boolean`.
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
    /// `"text"` is `.text("text")`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `42` is `.int(42)`.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// `0.5` is `.double(0.5)`.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `true` is `.bool(true)`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// `nil` is `.null`.
    public init(nilLiteral: ()) { self = .null }
}
