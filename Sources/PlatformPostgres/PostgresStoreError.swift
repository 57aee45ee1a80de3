import PostgresNIO

/// An error from the PostgreSQL store: the server's (SQLSTATE and message), the connection's, or a column
/// read as the wrong type. Its description is meant for logs and diagnostics: it never holds a bound value
/// (they may be personal data): the server's detail (`Key (ref)=(…)`, `Failing row contains (…)`) is left
/// out, and so is the value a data exception (class 22) quotes.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// The server's SQLSTATE (`23505`, `40001`); nil for an error of the connection or the client.
    public var sqlState: String?
    /// What went wrong, without values.
    public var message: String
    /// The constraint, table or column the server named, when it named one.
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(sqlState: String? = nil, message: String, constraint: String? = nil, table: String? = nil, column: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// A serialization failure (40001) or a deadlock (40P01): the whole transaction may be run again.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// A unique or primary key violation (23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// `PostgreSQL error 23505 (table reports, constraint reports_kommun_reporter_ref_key): duplicate key value …`.
    public var description: String {
        var text = "PostgreSQL error"
        if let sqlState { text += " \(sqlState)" }
        let names = [table.map { "table \($0)" }, column.map { "column \($0)" }, constraint.map { "constraint \($0)" }].compactMap { $0 }
        if !names.isEmpty { text += " (" + names.joined(separator: ", ") + ")" }
        return text + ": " + message
    }

    /// The store's error for what postgres-nio threw; an error that is already one is kept.
    static func from(_ error: any Error) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        guard let error = error as? PSQLError else {
            return PostgresStoreError(message: "\(type(of: error)): \(error)")
        }
        guard error.code == .server, let info = error.serverInfo else {
            var message = "connection: \(error.code)"
            if let underlying = error.underlying { message += " (\(underlying))" }
            return PostgresStoreError(message: message)
        }
        let sqlState = info[.sqlState]
        var message = info[.message] ?? "no message"
        // A data exception quotes the offending input after a colon (`invalid input syntax for type bigint: "…"`).
        if sqlState?.hasPrefix("22") == true, let colon = message.firstIndex(of: ":") {
            message = String(message[..<colon])
        }
        return PostgresStoreError(sqlState: sqlState, message: message, constraint: info[.constraintName],
                                  table: info[.tableName], column: info[.columnName])
    }
}
