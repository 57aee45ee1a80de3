import NIOCore
import PostgresNIO

extension PostgresTransaction {
    /// Writes `rows` into `table`'s `columns` with `COPY … FROM STDIN` (text format), the fast path for bulk
    /// rows; returns how many rows were written. Each row has one value per column, in order.
    ///
    /// PostgreSQL refuses COPY into a table under row-level security (every kommun table: SQLSTATE 0A000).
    /// Copy into a temporary table instead (`CREATE TEMP TABLE staging ON COMMIT DROP AS
    /// SELECT kommun, reporter, … FROM reports WITH NO DATA`: the columns, without constraints) and move the rows with `INSERT INTO reports (…) SELECT … FROM staging`, which the
    /// policies check.
    ///
    /// The rows are encoded on the calling thread, then sent by a task on the bridge's own event loop (its
    /// `TaskExecutor`), so the call never waits for a free Swift-concurrency thread.
    @discardableResult
    public func copy(into table: String, columns: [String], rows: some Sequence<[PostgresValue]>) throws -> Int {
        precondition(!isFinished, "a PostgresTransaction is used after its transaction ended")
        for name in [table] + columns where !Self.isPlainIdentifier(name) {
            throw PostgresStoreError(message: "COPY: '\(name)' is not a plain lower-case identifier")
        }
        var chunks: [ByteBuffer] = []
        var buffer = ByteBuffer()
        buffer.reserveCapacity(Self.chunkSize)
        var count = 0
        for row in rows {
            guard row.count == columns.count else {
                throw PostgresStoreError(message: "COPY into \(table): a row has \(row.count) values for \(columns.count) columns")
            }
            Self.append(row, to: &buffer)
            count += 1
            if buffer.readableBytes >= Self.chunkSize {
                chunks.append(buffer)
                buffer = ByteBuffer()
                buffer.reserveCapacity(Self.chunkSize)
            }
        }
        if buffer.readableBytes > 0 { chunks.append(buffer) }

        let connection = connection
        let logger = bridge.logger
        let promise = bridge.eventLoop.makePromise(of: Void.self)
        let sendable = chunks
        Task(executorPreference: bridge.executor) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for chunk in sendable { try await writer.write(chunk) }
                }
                promise.succeed()
            } catch {
                promise.fail(error)
            }
        }
        do {
            try promise.futureResult.wait()
        } catch {
            throw PostgresStoreError.from(error)
        }
        return count
    }

    /// How many bytes of rows are sent at a time.
    static let chunkSize = 256 * 1024

    /// `name` is safe to put in the COPY statement as it is (postgres-nio quotes it, it does not escape it).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// One row in COPY's text format: values separated by tabs, `\N` for NULL, backslash, tab, newline and
    /// carriage return escaped; a double as its shortest exact decimal.
    static func append(_ row: [PostgresValue], to buffer: inout ByteBuffer) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            switch value {
            case .null: buffer.writeStaticString("\\N")
            case .int(let int): buffer.writeString(String(int))
            case .bool(let bool): buffer.writeStaticString(bool ? "t" : "f")
            case .double(let double):
                if double.isNaN { buffer.writeStaticString("NaN") }
                else if double.isInfinite { buffer.writeStaticString(double < 0 ? "-Infinity" : "Infinity") }
                else { buffer.writeString(double.description) }
            case .text(let text):
                for byte in text.utf8 {
                    switch byte {
                    case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                    case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                    case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                    case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                    default: buffer.writeInteger(byte)
                    }
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
