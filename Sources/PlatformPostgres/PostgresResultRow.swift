import Foundation
import PostgresNIO

/// One row of a query's result, its values read by column name: `row.text("kommun")`,
/// `row.optionalInt("withdrawn_in")`. Reading a column the query did not return, or a NULL through a
/// non-optional reader, or a value of another kind, throws a `PostgresStoreError` naming the column.
public struct PostgresResultRow: Sendable {
    let columns: PostgresResultColumns
    /// The row's values in column order.
    public let values: [PostgresValue]

    /// The value of `column` (`.null` for SQL NULL).
    public func value(_ column: String) throws -> PostgresValue {
        guard let index = columns.index[column] else {
            throw PostgresStoreError(message: "the result has no column '\(column)' (it has: \(columns.names.joined(separator: ", ")))")
        }
        return values[index]
    }

    /// A `text` column's value.
    public func text(_ column: String) throws -> String {
        try required(column, optionalText(column), "text")
    }

    /// A `text` column's value; nil for NULL.
    public func optionalText(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        case let other: throw mismatch(column, other, "text")
        }
    }

    /// An integer column's value (`bigint`, `integer`, `smallint`, a whole `numeric`).
    public func int(_ column: String) throws -> Int {
        try required(column, optionalInt(column), "integer")
    }

    /// An integer column's value; nil for NULL.
    public func optionalInt(_ column: String) throws -> Int? {
        try optionalInt64(column).map { Int($0) }
    }

    /// An integer column's value as `Int64`.
    public func int64(_ column: String) throws -> Int64 {
        try required(column, optionalInt64(column), "integer")
    }

    /// An integer column's value as `Int64`; nil for NULL.
    public func optionalInt64(_ column: String) throws -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .int(let int): return int
        case let other: throw mismatch(column, other, "integer")
        }
    }

    /// A floating-point column's value (an integer column is read as its `Double`).
    public func double(_ column: String) throws -> Double {
        try required(column, optionalDouble(column), "double")
    }

    /// A floating-point column's value; nil for NULL.
    public func optionalDouble(_ column: String) throws -> Double? {
        switch try value(column) {
        case .null: return nil
        case .double(let double): return double
        case .int(let int): return Double(int)
        case let other: throw mismatch(column, other, "double")
        }
    }

    /// A `boolean` column's value; an integer column (the schema's 0/1 flags, as on SQLite) is true when not 0.
    public func bool(_ column: String) throws -> Bool {
        try required(column, optionalBool(column), "boolean")
    }

    /// A `boolean` column's value; nil for NULL.
    public func optionalBool(_ column: String) throws -> Bool? {
        switch try value(column) {
        case .null: return nil
        case .bool(let bool): return bool
        case .int(let int): return int != 0
        case let other: throw mismatch(column, other, "boolean")
        }
    }

    private func required<T>(_ column: String, _ value: T?, _ expected: String) throws -> T {
        guard let value else { throw PostgresStoreError(message: "column '\(column)' is NULL; expected \(expected)") }
        return value
    }

    private func mismatch(_ column: String, _ value: PostgresValue, _ expected: String) -> PostgresStoreError {
        PostgresStoreError(message: "column '\(column)' holds \(value.kind); expected \(expected)")
    }
}

/// The names of a result's columns, shared by its rows.
final class PostgresResultColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }
}

extension PostgresResultRow {
    /// The rows of `result`, every cell decoded (on the caller's thread, not the event loop's).
    static func rows(of result: [PostgresRow]) throws -> [PostgresResultRow] {
        guard let first = result.first else { return [] }
        let columns = PostgresResultColumns(names: first.map(\.columnName))
        return try result.map { row in
            PostgresResultRow(columns: columns, values: try row.map(PostgresValue.init(cell:)))
        }
    }
}

extension PostgresValue {
    /// A result cell's value; a type this store does not read is an error naming the column (cast it to
    /// `text` in the query).
    init(cell: PostgresCell) throws {
        // A function returning void (`pg_advisory_xact_lock`) has a value of no bytes: read as NULL.
        guard cell.bytes != nil, cell.dataType != .void else { self = .null; return }
        do {
            switch cell.dataType {
            case .text, .varchar, .bpchar, .name:
                self = .text(try cell.decode(String.self))
            case .int8:
                self = .int(try cell.decode(Int64.self))
            case .int4:
                self = .int(Int64(try cell.decode(Int32.self)))
            case .int2:
                self = .int(Int64(try cell.decode(Int16.self)))
            case .float8:
                self = .double(try cell.decode(Double.self))
            case .float4:
                self = .double(Double(try cell.decode(Float.self)))
            case .bool:
                self = .bool(try cell.decode(Bool.self))
            case .numeric:
                let text = "\(try cell.decode(Decimal.self))"
                if let int = Int64(text) { self = .int(int) } else { self = .double(Double(text) ?? .nan) }
            default:
                throw PostgresStoreError(message: "column '\(cell.columnName)' has a type this store does not read "
                    + "(\(cell.dataType)); cast it to text, bigint, double precision or boolean in the query")
            }
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw PostgresStoreError(message: "column '\(cell.columnName)' could not be read as \(cell.dataType)")
        }
    }
}
