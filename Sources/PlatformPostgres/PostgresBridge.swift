import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Platform
import PostgresNIO

/// The synchronous door to a PostgreSQL database, on which the PostgreSQL store is built (the platform's core
/// is synchronous, as GRDB is). It owns one event loop thread and a small pool of connections; each call
/// starts its work on that loop and blocks the calling thread until it completes, so it must not be called on
/// an event loop (a Swift-concurrency thread is fine: it is blocked, the loop is not).
///
/// All work happens in transactions (`transaction(kommun:isolation:readOnly:_:)`), each with `app.kommun`
/// set for the database's row-level security, and run again on a serialization failure or deadlock.
public final class PostgresBridge: Sendable {
    /// The URL this bridge connects to (its description has no password).
    public let url: PostgresURL
    /// The most connections open at once.
    public let poolSize: Int
    /// How many times a transaction is run in all before a serialization failure or deadlock is given up.
    public let maxAttempts: Int

    let group: MultiThreadedEventLoopGroup
    let eventLoop: any EventLoop
    let logger: Logger
    let executor: EventLoopTaskExecutor
    private let pool: PostgresConnectionPool
    private let retryCounter = NIOLockedValueBox(0)
    private let isShutDown = NIOLockedValueBox(false)

    /// A bridge to `url`, opening at most `poolSize` connections (each on first need), trying a
    /// transaction at most `maxAttempts` times. Connects once at once, so that an unreachable server or a
    /// wrong password is an error here rather than at the first query.
    public init(url: PostgresURL, poolSize: Int = 4, maxAttempts: Int = 12) throws {
        precondition(poolSize >= 1 && maxAttempts >= 1)
        self.url = url
        self.poolSize = poolSize
        self.maxAttempts = maxAttempts
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        eventLoop = group.next()
        // postgres-nio logs queries at debug and trace level, bound values included: nothing is logged.
        logger = Logger(label: "platform.postgres") { _ in SwiftLogNoOpLogHandler() }
        executor = EventLoopTaskExecutor(eventLoop: eventLoop)
        pool = PostgresConnectionPool(capacity: poolSize)
        do {
            try pool.release(acquire())
        } catch {
            close()
            throw error
        }
    }

    deinit {
        for connection in pool.closeAll() { PostgresConnectionPool.close(connection) }
        // Never blocks (the last reference may go on any thread, an event loop's too): the loop's thread ends
        // once its channels are closed.
        if !isShutDown.withLockedValue({ $0 }) { group.shutdownGracefully { _ in } }
    }

    /// Closes every idle connection and stops the event loop thread, waiting for both; a transaction started
    /// later throws. Call it from the thread that owns the store, never from an event loop.
    public func close() {
        for connection in pool.closeAll() {
            _ = try? (connection.close() as EventLoopFuture<Void>).wait()
        }
        let wasShutDown = isShutDown.withLockedValue { shutDown in
            defer { shutDown = true }
            return shutDown
        }
        if !wasShutDown { try? group.syncShutdownGracefully() }
    }

    /// How many times a transaction was run again after a serialization failure or a deadlock, since this
    /// bridge opened.
    public var retries: Int { retryCounter.withLockedValue { $0 } }

    /// Runs `body` in one transaction at `isolation` (read only when `readOnly`), with `app.kommun` set to
    /// `kommun` for its row-level security: a kommun's id, `"*"` for the few platform-wide operations
    /// (accounts, the audit log, store copy and check, migrations), or nil for none (no kommun row is visible).
    /// Commits when `body` returns, rolls back when it throws. On a serialization failure (40001) or a deadlock
    /// (40P01), from a statement or the commit, the whole transaction is run again, after a short random
    /// wait, up to `maxAttempts` times in all: `body` must be safe to run again (it must not keep what it read
    /// in an earlier attempt).
    @discardableResult
    public func transaction<T>(kommun: String?, isolation: PostgresIsolation = .readCommitted, readOnly: Bool = false,
                               _ body: (PostgresTransaction) throws -> T) throws -> T {
        for attempt in 1... {
            do {
                return try attemptTransaction(kommun: kommun, isolation: isolation, readOnly: readOnly, body)
            } catch let error as PostgresStoreError where error.isRetryable && attempt < maxAttempts {
                retryCounter.withLockedValue { $0 += 1 }
                Thread.sleep(forTimeInterval: Double.random(in: 0.002...0.010) * Double(min(attempt, 10)))
            }
        }
        fatalError("unreachable")
    }

    /// Runs `body` on a connection outside any transaction block: each statement commits on its own, with no
    /// `app.kommun` (no kommun row is visible) and no retry. For the statements PostgreSQL refuses in a
    /// transaction (`CREATE DATABASE`, `VACUUM`); everything else belongs in `transaction`.
    public func autocommit<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        let connection = try acquire()
        let transaction = PostgresTransaction(bridge: self, connection: connection)
        defer {
            transaction.isFinished = true
            if connection.isClosed { pool.discard(connection) } else { pool.release(connection) }
        }
        return try body(transaction)
    }

    private func attemptTransaction<T>(kommun: String?, isolation: PostgresIsolation, readOnly: Bool,
                                       _ body: (PostgresTransaction) throws -> T) throws -> T {
        let connection = try acquire()
        let transaction = PostgresTransaction(bridge: self, connection: connection)
        do {
            _ = try transaction.run("BEGIN ISOLATION LEVEL \(isolation.sql)\(readOnly ? " READ ONLY" : "")", [])
            if let kommun {
                _ = try transaction.run("SELECT set_config('app.kommun', $1, true)", [.text(kommun)])
            }
            let result = try body(transaction)
            transaction.isFinished = true
            _ = try transaction.run("COMMIT", [], checked: false)
            pool.release(connection)
            return result
        } catch {
            transaction.isFinished = true
            if connection.isClosed || (try? transaction.run("ROLLBACK", [], checked: false)) == nil {
                pool.discard(connection)
            } else {
                pool.release(connection)
            }
            throw error
        }
    }

    /// A connection from the pool, a new one when none is idle and fewer than `poolSize` are open; waits
    /// for one to come back when all are in use.
    private func acquire() throws -> PostgresConnection {
        precondition(!eventLoop.inEventLoop, "the PostgreSQL store blocks: never call it on its event loop")
        switch try pool.acquire() {
        case .idle(let connection):
            return connection
        case .open:
            do {
                return try PostgresConnection.connect(on: eventLoop, configuration: configuration(),
                                                      id: pool.nextID(), logger: logger).wait()
            } catch {
                pool.openFailed()
                throw PostgresStoreError.from(error)
            }
        }
    }

    /// postgres-nio's configuration for `url`: a Unix socket, or TCP with TLS as `sslmode` says (as libpq's
    /// `prefer` and `require`, the server's certificate is not verified).
    private func configuration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .socket:
            configuration = .init(unixSocketPath: url.socketPath!, username: url.user, password: url.password, database: url.database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            if url.sslMode == .disable {
                tls = .disable
            } else {
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                tlsConfiguration.certificateVerification = .none
                let context = try NIOSSLContext(configuration: tlsConfiguration)
                tls = url.sslMode == .require ? .require(context) : .prefer(context)
            }
            configuration = .init(host: host, port: port, username: url.user, password: url.password, database: url.database, tls: tls)
        }
        configuration.options.additionalStartupParameters = [("application_name", "trygghet-platform")]
        return configuration
    }
}

/// A transaction's isolation level.
public enum PostgresIsolation: Sendable, Hashable {
    case readCommitted, repeatableRead, serializable

    var sql: String {
        switch self {
        case .readCommitted: "READ COMMITTED"
        case .repeatableRead: "REPEATABLE READ"
        case .serializable: "SERIALIZABLE"
        }
    }
}
