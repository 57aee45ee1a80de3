import NIOCore
import PostgresNIO

/// One transaction of a `PostgresBridge`, handed to the body of `transaction(kommun:isolation:readOnly:_:)`
/// and valid only inside it. Statements are PostgreSQL's, one per call, with parameters `$1`, `$2`, … bound
/// from `binds` (never interpolate a value into the SQL).
public final class PostgresTransaction {
    let bridge: PostgresBridge
    let connection: PostgresConnection
    /// Set when the transaction commits or rolls back; a statement after that is a programming error.
    var isFinished = false

    init(bridge: PostgresBridge, connection: PostgresConnection) {
        self.bridge = bridge
        self.connection = connection
    }

    /// The rows `sql` returns, each read by column name (`PostgresResultRow`).
    public func query(_ sql: String, _ binds: [PostgresValue] = []) throws -> [PostgresResultRow] {
        try PostgresResultRow.rows(of: run(sql, binds).rows)
    }

    /// The first row `sql` returns; nil when it returns none.
    public func queryFirst(_ sql: String, _ binds: [PostgresValue] = []) throws -> PostgresResultRow? {
        try query(sql, binds).first
    }

    /// Runs `sql` (INSERT, UPDATE, DELETE, DDL…); returns how many rows it inserted, updated or deleted
    /// (0 for a statement that affects none).
    @discardableResult
    public func execute(_ sql: String, _ binds: [PostgresValue] = []) throws -> Int {
        try run(sql, binds).metadata.rows ?? 0
    }

    /// Runs one statement, blocking until its rows are in.
    func run(_ sql: String, _ binds: [PostgresValue], checked: Bool = true) throws -> PostgresQueryResult {
        precondition(!checked || !isFinished, "a PostgresTransaction is used after its transaction ended")
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            switch bind {
            case .null: bindings.appendNull()
            case .text(let text): bindings.append(text)
            case .int(let int): bindings.append(int)
            case .double(let double): bindings.append(double)
            case .bool(let bool): bindings.append(bool)
            }
        }
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: bridge.logger).wait()
        } catch {
            throw PostgresStoreError.from(error)
        }
    }
}
