import Foundation
import PostgresNIO

/// The bridge's connections: idle ones kept for the next transaction, at most `capacity` open at once.
/// Thread-safe; `acquire` blocks while every connection is in use.
final class PostgresConnectionPool: @unchecked Sendable {
    /// What `acquire` hands out: an idle connection, or leave to open a new one (counted as open already).
    enum Lease {
        case idle(PostgresConnection)
        case open
    }

    private let capacity: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var lastID = 0
    private var isClosed = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    func acquire() throws -> Lease {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard !isClosed else { throw PostgresStoreError(message: "the store is closed") }
            if let connection = idle.popLast() {
                if connection.isClosed { open -= 1; continue }
                return .idle(connection)
            }
            if open < capacity {
                open += 1
                return .open
            }
            condition.wait()
        }
    }

    /// A number for a new connection (postgres-nio's id, for its logs).
    func nextID() -> Int {
        condition.lock()
        defer { condition.unlock() }
        lastID += 1
        return lastID
    }

    /// A connection that `acquire` said to open could not be opened.
    func openFailed() {
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
    }

    /// Gives a connection back for the next transaction (closed at once when the pool is closed).
    func release(_ connection: PostgresConnection) {
        condition.lock()
        let closeNow = isClosed
        if closeNow { open -= 1 } else { idle.append(connection) }
        condition.signal()
        condition.unlock()
        if closeNow { Self.close(connection) }
    }

    /// Drops a connection that is broken or in an unknown state.
    func discard(_ connection: PostgresConnection) {
        condition.lock()
        open -= 1
        condition.signal()
        condition.unlock()
        Self.close(connection)
    }

    /// Closes `connection` without waiting, keeping it alive until it is closed (postgres-nio asserts that a
    /// connection is closed before it goes away).
    static func close(_ connection: PostgresConnection) {
        (connection.close() as EventLoopFuture<Void>).whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Closes the pool: no more leases; returns the idle connections for the caller to close.
    @discardableResult
    func closeAll() -> [PostgresConnection] {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        let connections = idle
        open -= idle.count
        idle = []
        condition.broadcast()
        return connections
    }
}
