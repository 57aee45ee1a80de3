import Crypto
import Foundation

/// The compiled configuration cache: each kommun file's decoded `KommunConfig`, kept as a binary entry in a
/// folder of the user's (`PLATFORM_CACHE`, read by `PlatformEnvironment`), so that a command reads a kommun
/// file's YAML again only when the file, or the program, has changed. `validate` never uses it.
///
/// An entry is named by the SHA-256 of the YAML file's bytes and holds that digest; what built the running
/// program (`PlatformInfo.version` and the executable file's device, inode, size and modification time, since
/// a development build changes its decoder without changing its version) and the YAML loader's limits; the
/// configuration in `CompactBinary`'s form; and a SHA-256 of all of that. An entry is used only when every
/// part matches: an edited file has another digest, a rebuilt or upgraded program another build, and a torn
/// or damaged entry fails its checksum or does not read back. In every such case the YAML is decoded, as
/// without a cache, and the entry written anew. Only a file that decodes without a single diagnostic is
/// cached, and only when its entry reads back equal to what the YAML gave: a file with a warning or an
/// error is always decoded from its YAML, and its diagnostics are shown as they always are.
///
/// The folder is made with mode 0700 and used only when it belongs to the user running the program and no
/// one else may write in it (an entry is trusted as the file's configuration, so no one else may put one
/// there). Entries are written whole (to a temporary file, then renamed) but not synced: one torn by a
/// crash fails its checksum. Deleting the folder, or any entry, is always safe.
public struct KommunConfigCache: Sendable {
    /// The folder of entries.
    public let directory: String
    /// What wrote an entry this program may read.
    private let build: [UInt8]

    /// The first bytes of every entry, with the format's number.
    private static let magic = Array("kommun-config-cache 1\n".utf8)
    private static let digestSize = SHA256.byteCount
    /// No entry is larger than a kommun file may be many times over.
    private static let maxEntryBytes = 64 << 20

    /// The cache in `directory` (made if missing), or nil when there is none to use: the folder cannot be
    /// made, is not the user's own, or others may write in it; or the running program cannot be told apart
    /// from another build (no `/proc/self/exe`).
    public init?(directory: String) {
        guard let build = Self.programBuild else { return nil }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
              info.st_mode & (S_IWGRP | S_IWOTH) == 0 else { return nil }
        self.directory = directory
        self.build = build
    }

    /// The running executable, told apart from any other build or copy of it; nil when it cannot be.
    private static let programBuild: [UInt8]? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return Array("platform \(PlatformInfo.version); executable \(info.st_dev):\(info.st_ino), \(info.st_size) bytes, modified \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)".utf8)
    }()

    /// The file `file` whose bytes are `bytes`: from its entry when there is a valid one, else decoded by
    /// `loader` (and cached when it has no diagnostic).
    func loaded(_ bytes: [UInt8], file: String, by loader: KommunConfigLoader) -> KommunConfigLoader.LoadedFile {
        let digest = Array(SHA256.hash(data: bytes))
        let key = key(for: loader)
        let path = entryPath(digest)
        if let config = Self.read(path, key: key, digest: digest) {
            return KommunConfigLoader.LoadedFile(file: file, bytes: [], config: config, diagnostics: [])
        }
        let loaded = loader.decode(bytes, file: file)
        if let config = loaded.config, loaded.diagnostics.isEmpty {
            Self.write(config, to: path, key: key, digest: digest)
        }
        return loaded
    }

    /// What an entry must have been written for besides the file: this program, with `loader`'s limits.
    func key(for loader: KommunConfigLoader) -> [UInt8] {
        build + Array("; \(loader.yaml.limits)".utf8)
    }

    /// Where the entry of the file whose SHA-256 is `digest` is kept.
    func entryPath(_ digest: [UInt8]) -> String {
        directory + "/" + Self.hex(digest)
    }

    /// The configuration in the entry at `path` when the entry is whole and for `key` and `digest`.
    private static func read(_ path: String, key: [UInt8], digest: [UInt8]) -> KommunConfig? {
        guard let entry = contents(of: path), entry.count > magic.count + 2 * digestSize else { return nil }
        let body = entry[..<(entry.count - digestSize)]
        let expected = magic + header(key: key, digest: digest)
        guard SHA256.hash(data: body).elementsEqual(entry[body.endIndex...]), body.starts(with: expected) else { return nil }
        return try? CompactBinaryReader.read(KommunConfig.self, from: body[(body.startIndex + expected.count)...])
    }

    /// What an entry holds between the magic and the configuration.
    private static func header(key: [UInt8], digest: [UInt8]) -> [UInt8] {
        var header: [UInt8] = []
        CompactBinary.appendVarint(UInt64(key.count), to: &header)
        return header + key + digest
    }

    /// Writes the entry for `config`, when it reads back as `config`; a failure leaves no entry and is not an
    /// error (the file is decoded from its YAML next time too).
    private static func write(_ config: KommunConfig, to path: String, key: [UInt8], digest: [UInt8]) {
        guard let entry = entry(for: config, key: key, digest: digest) else { return }
        // Whole (a temporary file renamed into place) but not synced: a torn entry fails its checksum.
        guard var file = try? AtomicFile(path: path, permissions: 0o600) else { return }
        do {
            try file.write(entry)
            try file.close()
        } catch {
            return
        }
        _ = file.rename()
    }

    /// The entry for `config`, or nil when it does not read back as `config`.
    static func entry(for config: KommunConfig, key: [UInt8], digest: [UInt8]) -> [UInt8]? {
        guard let payload = try? CompactBinaryEncoder.encode(config),
              (try? CompactBinaryReader.read(KommunConfig.self, from: payload[...])) == config else { return nil }
        var entry = magic + header(key: key, digest: digest) + payload
        entry += SHA256.hash(data: entry)
        return entry
    }

    /// The bytes of the regular file at `path` (a symbolic link is not followed), or nil.
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maxEntryBytes else { return nil }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
        }
        return bytes.count == size ? bytes : nil
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `digest` in lowercase hexadecimal.
    private static func hex(_ digest: [UInt8]) -> String {
        String(decoding: digest.flatMap { [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 0xF)]] }, as: UTF8.self)
    }
}
