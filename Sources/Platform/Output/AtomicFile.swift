import CPlatformSystem
import Foundation

/// Writes a file whole or not at all: to a temporary file in the same folder, synced, then renamed over the
/// target, and the folder synced so the rename is kept too.
///
/// Only a regular file (or a path where nothing is) is ever replaced: a device, a FIFO, a folder or a
/// symbolic link at the target is refused, so `--out /dev/null` can never turn a device into a file. On any
/// error (a full disk, `ulimit -f`) the temporary file is removed and the error names the target.
public struct AtomicFile: Sendable {
    /// The file as the user named it.
    public let path: String
    private let temporary: String
    private var descriptor: Int32

    /// Opens a temporary file beside `path`, after checking that `path` may be replaced; the file is made
    /// with `permissions` (less the umask).
    public init(path: String, permissions: mode_t = 0o666) throws {
        try Self.checkTarget(path)
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Self.failure(path, "could not create its folder")
        }
        self.path = path
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
    }

    /// Appends `bytes`; on an error the temporary file is removed and the error thrown.
    public mutating func write(_ bytes: some Collection<UInt8>) throws {
        let status = bytes.withContiguousStorageIfAvailable { Self.writeAll($0, to: descriptor) }
            ?? Array(bytes).withUnsafeBufferPointer { Self.writeAll($0, to: descriptor) }
        if let status { discard(); throw Self.failure(path, status) }
    }

    /// Syncs the file, renames it over the target and syncs the folder, so that the rename is kept too.
    public mutating func commit() throws {
        if fsync(descriptor) != 0 { let status = errno; discard(); throw Self.failure(path, status) }
        try close()
        if let failure = rename() { throw failure }
        if let status = Self.sync(folder: folder) { throw Self.failure(path, status) }
    }

    /// The folder the file is written in.
    var folder: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

    /// Starts writing what was written so far out to disk, without waiting (Linux's `sync_file_range`): a
    /// sync later has less left to wait for. Durability still comes only from the sync.
    func startWriteBack() {
        c_platform_start_write_back(descriptor)
    }

    /// Closes the temporary file, all of it written but neither synced nor in place (`AtomicFileBatch`
    /// syncs and renames many together); on an error it is removed.
    mutating func close() throws {
        let status = Foundation.close(descriptor) == 0 ? nil : errno
        descriptor = -1
        if let status { unlink(temporary); throw Self.failure(path, status) }
    }

    /// Renames the closed temporary file over the target; on an error it is removed and the failure returned.
    func rename() -> Failure? {
        guard Foundation.rename(temporary, path) == 0 else {
            let status = errno
            unlink(temporary)
            return Self.failure(path, status)
        }
        return nil
    }

    /// Syncs the closed temporary file by itself (where its file system cannot be synced as a whole); on an
    /// error it is removed and the failure returned.
    func syncClosed() -> Failure? {
        let descriptor = open(temporary, O_WRONLY | O_CLOEXEC)
        let status = descriptor >= 0 && fsync(descriptor) == 0 ? nil : errno
        if descriptor >= 0 { Foundation.close(descriptor) }
        guard let status else { return nil }
        removeClosed()
        return Self.failure(path, status)
    }

    /// Removes the closed temporary file; the target is untouched.
    func removeClosed() {
        unlink(temporary)
    }

    /// The `errno` of a failed sync of `folder`, or nil; a folder that cannot be opened (none was
    /// written) is passed over.
    static func sync(folder: String) -> Int32? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { Foundation.close(descriptor) }
        return fsync(descriptor) == 0 ? nil : errno
    }

    /// Closes and removes the temporary file; the target is untouched.
    public mutating func discard() {
        guard descriptor >= 0 else { return }
        Foundation.close(descriptor)
        descriptor = -1
        unlink(temporary)
    }

    /// Writes `data` to `path` whole or not at all.
    public static func write(_ data: Data, to path: String) throws {
        var file = try AtomicFile(path: path)
        try file.write(data)
        try file.commit()
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Throws unless `path` is a regular file or nothing at all (a symbolic link is not followed).
    public static func checkTarget(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Diagnostic(file: path, mark: nil, message: "is not a regular file; only a regular file or a new path is written (nothing was written)")
        }
    }

    /// Writes every byte to `descriptor`, retrying short writes; the `errno` of a failure, or nil.
    public static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard var address = buffer.baseAddress else { return nil }
        var left = buffer.count
        while left > 0 {
            let written = Foundation.write(descriptor, address, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            address += written
            left -= written
        }
        return nil
    }

    /// A failed write: the diagnostic to print, and the reason alone, for a caller that puts it in a
    /// message of its own ("Permission denied", "File name too long").
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let diagnostic: Diagnostic
        public let reason: String

        public var description: String { diagnostic.description }
    }

    static func failure(_ path: String, _ status: Int32) -> Failure {
        let reason = String(cString: strerror(status))
        return Failure(diagnostic: Diagnostic(file: path, mark: nil, message: "could not be written: \(reason) (nothing was written)"),
                       reason: reason)
    }

    /// A folder whose renames could not be synced: the files are in place but may not survive a crash.
    static func folderFailure(_ folder: String, _ status: Int32) -> Failure {
        let reason = String(cString: strerror(status))
        return Failure(diagnostic: Diagnostic(file: folder, mark: nil, message: "could not be synced: \(reason)"), reason: reason)
    }

    static func failure(_ path: String, _ message: String) -> Failure {
        Failure(diagnostic: Diagnostic(file: path, mark: nil, message: message + " (nothing was written)"), reason: message)
    }
}
