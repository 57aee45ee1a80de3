import Foundation
import Platform

/// Writes text in large blocks, to standard output or to a temporary file renamed into place at the end
/// (so a file is written whole or not at all). The first write error stops the writing and is thrown by
/// `finish()`; a file's temporary copy is removed then.
struct BufferedFile {
    private var file: AtomicFile?
    private var buffer: [UInt8] = []
    private var failure: Error?

    static var standardOutput: BufferedFile {
        BufferedFile(file: nil)
    }

    private init(file: AtomicFile?) {
        self.file = file
        buffer.reserveCapacity(1 << 16)
    }

    init(temporaryFor path: String) throws {
        self.init(file: try AtomicFile(path: path))
    }

    mutating func write(_ text: String) {
        guard failure == nil else { return }
        buffer += text.utf8
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do {
            if file != nil {
                try file!.write(buffer)
            } else {
                try StandardOutput.write(buffer)
            }
        } catch {
            failure = error
        }
    }

    /// Writes what is left and, for a file, renames it into place; throws the first write error.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
        try file?.commit()
    }
}
