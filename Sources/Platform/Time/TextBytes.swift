/// Somewhere the bytes of a text are written: a short String being built, or a hash (`Report.contentHash`).
///
/// Dates and times write their text through this, so one piece of code formats them both for display and for
/// hashing, and an ingest need not build (and free) a String for each of them on every row.
protocol TextByteSink {
    mutating func append(_ byte: UInt8)
}

extension TextByteSink {
    mutating func append(_ text: String) {
        // Over the contiguous bytes: stepping through `text.utf8` costs several times as much per byte.
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { append(byte) }
        }
    }

    /// `number` as `String(number)` writes it, after as many zeros as make it `width` characters long (so
    /// `-5` padded to 4 is `00-5`, as `CalendarDate.pad` has it).
    mutating func appendDecimal(_ number: Int, width: Int = 0) {
        var digits = 1
        var divisor: UInt = 1
        while number.magnitude / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        let length = digits + (number < 0 ? 1 : 0)
        for _ in length..<max(length, width) { append(UInt8(ascii: "0")) }
        if number < 0 { append(UInt8(ascii: "-")) }
        var rest = number.magnitude
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// A short text written into memory on the stack; `make` makes it a String (which, up to 15 bytes, Swift
/// keeps inline, without allocating).
struct ShortText: TextByteSink {
    static let capacity = 64
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// The String that `write` writes, at most `capacity` bytes of UTF-8.
    static func make(_ write: (inout ShortText) -> Void) -> String {
        withBytes(write) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes that `write` writes (at most `capacity`), valid only during the call.
    static func withBytes<Result>(_ write: (inout ShortText) -> Void, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = ShortText(buffer: buffer)
            write(&text)
            return body(UnsafeBufferPointer(rebasing: buffer[..<text.count]))
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "ShortText holds at most \(Self.capacity) bytes")
        buffer[count] = byte
        count += 1
    }
}
