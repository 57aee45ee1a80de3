import Foundation

/// Writes text in large blocks, to standard output or to a temporary file renamed into place at the end
/// (so a file is written whole or not at all).
struct BufferedFile {
    private let handle: FileHandle
    private let temporary: String?
    private let target: String?
    private var buffer: [UInt8] = []

    static var standardOutput: BufferedFile {
        BufferedFile(handle: .standardOutput, temporary: nil, target: nil)
    }

    private init(handle: FileHandle, temporary: String?, target: String?) {
        self.handle = handle
        self.temporary = temporary
        self.target = target
        buffer.reserveCapacity(1 << 16)
    }

    init(temporaryFor path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.init(handle: handle, temporary: temporary, target: path)
    }

    mutating func write(_ text: String) {
        buffer += text.utf8
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and, for a file, renames it into place.
    mutating func finish() throws {
        flush()
        guard let temporary, let target else { return }
        try handle.close()
        guard rename(temporary, target) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
        }
    }
}
