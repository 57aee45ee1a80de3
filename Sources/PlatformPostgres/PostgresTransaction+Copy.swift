import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

extension PostgresTransaction {
    /// Writes `rows` into `table`'s `columns` with `COPY … FROM STDIN`, the fast path for bulk rows; returns
    /// how many rows were written. Each row has one value per column, in order. See `copy(into:columns:_:)`.
    @discardableResult
    public func copy(into table: String, columns: [String], rows: some Sequence<[PostgresValue]>) throws -> Int {
        try copy(into: table, columns: columns) { writer in
            for row in rows { try writer.append(row) }
        }
    }

    /// Writes the rows `produce` appends to its `PostgresCopyRows` into `table`'s `columns` with
    /// `COPY … FROM STDIN` (text format); returns how many rows were written. An error `produce` throws
    /// aborts the COPY (the transaction then rolls back) and is rethrown.
    ///
    /// The rows are encoded on the calling thread while a task on the bridge's own event loop (its
    /// `TaskExecutor`) sends what is ready, at most a few 256 KiB chunks ahead: encoding and sending overlap,
    /// memory stays small, and the call never waits for a free Swift-concurrency thread.
    ///
    /// PostgreSQL refuses COPY into a table under row-level security (every kommun table: SQLSTATE 0A000).
    /// Copy into a temporary table instead (`CREATE TEMP TABLE staging ON COMMIT DROP AS
    /// SELECT kommun, reporter, … FROM reports WITH NO DATA`: the columns, without constraints) and move the
    /// rows with `INSERT INTO reports (…) SELECT … FROM staging`, which the policies check.
    @discardableResult
    public func copy(into table: String, columns: [String], _ produce: (inout PostgresCopyRows) throws -> Void) throws -> Int {
        precondition(!isFinished, "a PostgresTransaction is used after its transaction ended")
        for name in [table] + columns where !Self.isPlainIdentifier(name) {
            throw PostgresStoreError(message: "COPY: '\(name)' is not a plain lower-case identifier")
        }
        let sender = CopySender(connection: connection, table: table, columns: columns, logger: bridge.logger,
                                eventLoop: bridge.eventLoop)
        var rows = PostgresCopyRows(table: table, columnCount: columns.count, sender: sender)
        do {
            try produce(&rows)
            try rows.flush(last: true)
        } catch {
            sender.finish(throwing: error)
            _ = try? sender.result.wait()
            throw Self.storeError(error)
        }
        do {
            try sender.result.wait()
        } catch {
            throw PostgresStoreError.from(error)
        }
        return rows.count
    }

    /// A PostgreSQL error as the store's; an error of the caller's own stays as it is.
    private static func storeError(_ error: any Error) -> any Error {
        error is PSQLError ? PostgresStoreError.from(error) : error
    }

    /// `name` is a plain lower-case identifier (`reports`, `rows_new`), safe to put in SQL as it is (COPY:
    /// postgres-nio quotes it, it does not escape it).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// The rows of one COPY, encoded in COPY's text format as they are appended: `append([…])` a whole row, or
/// `add(_:)` its values one by one and `endRow()` (no array per row).
public struct PostgresCopyRows {
    let table: String
    let columnCount: Int
    let sender: CopySender
    /// The encoded rows not sent yet (plain bytes: cheaper to append to than a `ByteBuffer`, copied into one per chunk).
    var buffer: [UInt8] = []
    var valuesInRow = 0
    /// The rows appended so far.
    public private(set) var count = 0

    /// How many bytes of rows are sent at a time.
    static let chunkSize = 256 * 1024

    init(table: String, columnCount: Int, sender: CopySender) {
        self.table = table
        self.columnCount = columnCount
        self.sender = sender
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let backslash = UInt8(ascii: "\\")

    /// Appends one row, a value per column.
    public mutating func append(_ row: [PostgresValue]) throws {
        for value in row { add(value) }
        try endRow()
    }

    /// Appends the next value of the current row.
    public mutating func add(_ value: PostgresValue) {
        if valuesInRow > 0 { buffer.append(Self.tab) }
        valuesInRow += 1
        switch value {
        case .null:
            buffer.append(Self.backslash)
            buffer.append(UInt8(ascii: "N"))
        case .int(let int): buffer.append(contentsOf: String(int).utf8)
        case .bool(let bool): buffer.append(bool ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .double(let double):
            if double.isNaN { buffer.append(contentsOf: "NaN".utf8) }
            else if double.isInfinite { buffer.append(contentsOf: (double < 0 ? "-Infinity" : "Infinity").utf8) }
            else { buffer.append(contentsOf: double.description.utf8) }
        case .text(let text):
            // Backslash, tab, newline and carriage return escaped; everything else as it is (most text has none of
            // them, and is appended whole).
            guard text.utf8.contains(where: Self.needsEscape) else {
                buffer.append(contentsOf: text.utf8)
                return
            }
            for byte in text.utf8 {
                switch byte {
                case Self.backslash: appendEscaped(Self.backslash)
                case Self.tab: appendEscaped(UInt8(ascii: "t"))
                case Self.newline: appendEscaped(UInt8(ascii: "n"))
                case Self.carriageReturn: appendEscaped(UInt8(ascii: "r"))
                default: buffer.append(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == backslash || byte == tab || byte == newline || byte == carriageReturn
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        buffer.append(Self.backslash)
        buffer.append(byte)
    }

    /// Ends the current row; it must have had one value per column.
    public mutating func endRow() throws {
        guard valuesInRow == columnCount else {
            throw PostgresStoreError(message: "COPY into \(table): a row has \(valuesInRow) values for \(columnCount) columns")
        }
        buffer.append(Self.newline)
        valuesInRow = 0
        count += 1
        if buffer.count >= Self.chunkSize { try flush(last: false) }
    }

    /// Hands the encoded rows to the sender (and, when `last`, tells it there are no more).
    mutating func flush(last: Bool) throws {
        guard valuesInRow == 0 else {
            throw PostgresStoreError(message: "COPY into \(table): the last row was not ended")
        }
        if !buffer.isEmpty {
            try sender.send(ByteBuffer(bytes: buffer))
            buffer.removeAll(keepingCapacity: true)
        }
        if last { sender.finish() }
    }
}

/// The task that sends a COPY's chunks, on the bridge's event loop, and the hand-over to it from the
/// encoding thread: at most `ahead` chunks wait to be sent.
final class CopySender: Sendable {
    let result: EventLoopFuture<Void>
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private let room = DispatchSemaphore(value: CopySender.ahead)
    private let isDone = NIOLockedValueBox(false)

    static let ahead = 4

    init(connection: PostgresConnection, table: String, columns: [String], logger: Logger, eventLoop: any EventLoop) {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        self.continuation = continuation
        let promise = eventLoop.makePromise(of: Void.self)
        result = promise.futureResult
        let room = room
        let isDone = isDone
        let work: @Sendable () async -> Void = {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for try await chunk in stream {
                        try await writer.write(chunk)
                        room.signal()
                    }
                }
                promise.succeed()
            } catch {
                promise.fail(error)
            }
            isDone.withLockedValue { $0 = true }
            room.signal()
        }
        if #available(macOS 15.0, *) {
            Task(executorPreference: EventLoopTaskExecutor(eventLoop: eventLoop), operation: work)
        } else {
            Task(operation: work) // macOS before 15 has no task executors: the cooperative pool runs it
        }
    }

    /// Queues `chunk`, first waiting for room; when the COPY has already ended (the server refused a row),
    /// throws its error at once.
    func send(_ chunk: ByteBuffer) throws {
        while true {
            if isDone.withLockedValue({ $0 }) {
                try result.wait()
                throw PostgresStoreError(message: "COPY ended before all rows were sent")
            }
            if room.wait(timeout: .now() + .milliseconds(50)) == .success { break }
        }
        continuation.yield(chunk)
    }

    /// No more chunks.
    func finish() {
        continuation.finish()
    }

    /// Abandons the COPY: postgres-nio sends CopyFail.
    func finish(throwing error: any Error) {
        continuation.finish(throwing: error)
    }
}
