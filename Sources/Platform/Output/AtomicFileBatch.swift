import CPlatformSystem
import Foundation
import Synchronization

/// Many files written whole or not at all and made durable together: `write` puts each file's bytes in a
/// temporary file beside its target (checked as `AtomicFile` checks it) and nothing appears at the target;
/// `commit()` then syncs each file system the files are on once (Linux's `syncfs`; elsewhere each file by
/// itself), renames every file over its target and syncs each folder once.
///
/// For a batch such as `lagesbild --all`, which writes a file per kommun and format: a sync per file waits for
/// a journal commit per file (1,160 of them for 290 kommuner in four formats), one sync of the file system
/// waits for one. A crash before `commit()` has synced leaves no target changed, only temporary files.
/// Safe to `write` from several threads at once.
public final class AtomicFileBatch: Sendable {
    private let written = Mutex<[AtomicFile]>([])

    public init() {}

    /// Writes `data` for `path`; it appears there with `commit()`. A failure leaves nothing behind.
    public func write(_ data: Data, to path: String) throws {
        var file = try AtomicFile(path: path)
        try file.write(data)
        // Its write-back begins now, while the batch goes on, instead of all at once in `commit()`'s sync.
        file.startWriteBack()
        try file.close()
        written.withLock { $0.append(file) }
    }

    /// Makes every file written durable and puts it in place; returns why each file that is not in place
    /// failed, by its path, and why a folder could not be synced, by the folder's path. When a file system
    /// cannot be synced, none of the files on it is put in place.
    public func commit() -> [String: AtomicFile.Failure] {
        let files = written.withLock { files in
            defer { files = [] }
            return files
        }
        var failures: [String: AtomicFile.Failure] = [:]
        let byFolder = Dictionary(grouping: files, by: \.folder)
        for (folder, files) in byFolder.sorted(by: { $0.key < $1.key }) {
            var synced = files
            if let status = Self.syncFileSystem(of: folder) {
                if status != ENOSYS {
                    for file in files {
                        file.removeClosed()
                        failures[file.path] = AtomicFile.failure(file.path, status)
                    }
                    continue
                }
                synced = files.filter { file in
                    guard let failure = file.syncClosed() else { return true }
                    failures[file.path] = failure
                    return false
                }
            }
            for file in synced {
                if let failure = file.rename() { failures[file.path] = failure }
            }
            if let status = AtomicFile.sync(folder: folder) {
                failures[folder] = AtomicFile.folderFailure(folder, status)
            }
        }
        return failures
    }

    /// The `errno` of a failed sync of the file system that holds `folder` (ENOSYS: it cannot be synced as a
    /// whole here), or nil.
    private static func syncFileSystem(of folder: String) -> Int32? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return c_platform_syncfs(descriptor) == 0 ? nil : errno
    }
}
