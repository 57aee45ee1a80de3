import Foundation

/// Reads a kommun's YAML file into a `KommunConfig`, collecting every problem in the file.
public struct KommunConfigLoader: Sendable {
    /// One file as read: its text (for rendering diagnostics), the configuration when it is valid, and
    /// every problem found.
    public struct LoadedFile: Sendable {
        public var file: String
        /// The file's bytes as read, kept only when a diagnostic may quote them (its text is made only then):
        /// a folder of valid files keeps no copy of them.
        var bytes: [UInt8]
        public var config: KommunConfig?
        public var diagnostics: [Diagnostic]

        /// The file's text, for quoting its lines under diagnostics (empty for a file without diagnostics or
        /// refused before it was read as text).
        var source: String { String(decoding: bytes, as: UTF8.self) }

        /// True when the file has no errors (warnings allowed).
        public var isValid: Bool {
            config != nil && !diagnostics.contains { $0.severity == .error }
        }

        /// How many errors the file has, for listings: "1 error", "3 errors".
        public var errorSummary: String {
            let errors = diagnostics.filter { $0.severity == .error }.count
            return errors.counted("error")
        }

        /// The diagnostics with source lines and carets.
        public var renderedDiagnostics: String {
            DiagnosticRenderer(source: source).render(diagnostics)
        }
    }

    public var yaml: YAMLLoader
    /// Whether a symbolic link in the kommun folder is followed wherever it points (`PLATFORM_FOLLOW_LINKS=1`,
    /// read by `PlatformEnvironment`).
    public var followsLinks: Bool
    /// The compiled configuration cache a file read from disk is looked up in first; nil: every file is
    /// decoded from its YAML (what `validate` does).
    public var cache: KommunConfigCache?

    public init(yaml: YAMLLoader = YAMLLoader(), followsLinks: Bool = false, cache: KommunConfigCache? = nil) {
        self.yaml = yaml
        self.followsLinks = followsLinks
        self.cache = cache
    }

    /// Reads and decodes the file at `path`.
    public func load(path: String) -> LoadedFile {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            return Self.refused(path, "is not a regular file")
        }
        guard let bytes = Self.contents(ofFile: path) else {
            return Self.refused(path, "cannot read the file")
        }
        return cache?.loaded(bytes, file: path, by: self) ?? decode(bytes, file: path)
    }

    /// The bytes of the file at `path`, or nil when it cannot be read. Read straight into the array with
    /// POSIX calls: `FileManager.contents(atPath:)` gives `Data`, which would be copied once more.
    static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size, so that the end shows at once; read on in chunks if the file grew.
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                while count < buffer.count {
                    let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read > 0 { count += read } else if read < 0, errno == EINTR { continue } else {
                        failed = read < 0
                        return
                    }
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if chunk.count < capacity { return bytes }
            capacity = max(capacity, 1 << 16)
        }
    }

    /// Reads a file found in `folder`; a symbolic link to a file outside the folder is not followed (a
    /// link to `/etc/shadow` must not be read and shown) unless `followsLinks`.
    public func load(path: String, foundIn folder: String) -> LoadedFile {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, !followsLinks else { return load(path: path) }
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/"), target != path else {
            return Self.refused(path, "is a symbolic link to a file outside \(folder); not followed "
                                + "(copy the file into the folder, or set PLATFORM_FOLLOW_LINKS=1)")
        }
        return load(path: path)
    }

    private static func refused(_ file: String, _ message: String) -> LoadedFile {
        LoadedFile(file: file, bytes: [], config: nil, diagnostics: [Diagnostic(file: file, mark: nil, message: message)])
    }

    /// Decodes YAML text; `file` names it in diagnostics. Something that is not a kommun file at all (a
    /// binary, text in another encoding, a list, a file of other keys) is said so once: its lines are
    /// never quoted back as unknown keys. (It is kept out of `source`, so no line of it is shown either.)
    public func decode(_ bytes: [UInt8], file: String) -> LoadedFile {
        let read = yaml.read(bytes, file: file)
        // libyaml reads a document to its end only over well-formed UTF-8 without control characters but
        // U+0085, so a file read whole needs the full check only when it holds that one.
        if read.document == nil || Self.holdsNextLine(bytes), !Self.isText(bytes) {
            return Self.refused(file, "not a kommun file (it is not UTF-8 text)")
        }
        if let document = read.document, read.diagnostics.isEmpty {
            guard let pairs = FlatNode(document, document.root).pairs else {
                return Self.refused(file, "not a kommun file (its top level is not a mapping of keys)")
            }
            if !pairs.isEmpty, !pairs.contains(where: { Self.topLevelKeys.contains($0.key.scalar?.text ?? "") }) {
                return Self.refused(file, "not a kommun file (none of its top-level keys is a kommun file's, such as schemaVersion or kommun)")
            }
        }
        var config: KommunConfig?
        let context: DecodingContext
        if let document = read.document {
            context = DecodingContext(file: file, document: document)
            context.append(read.diagnostics)
            config = context.root.decode(KommunConfig.self)
            context.resolveReferences()
        } else {
            context = DecodingContext(file: file)
            context.append(read.diagnostics)
        }
        let diagnostics = context.diagnostics.sorted { ($0.mark ?? Mark(line: 0, column: 0)) < ($1.mark ?? Mark(line: 0, column: 0)) }
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return LoadedFile(file: file, bytes: diagnostics.isEmpty ? [] : bytes, config: hasErrors ? nil : config,
                          diagnostics: diagnostics)
    }

    /// Keys every kommun file has; a mapping with none of them is some other file.
    private static let topLevelKeys: Set<String> = ["schemaVersion", "kommun", "organisations", "organisation", "reporters", "areas",
                                                    "checklist", "lagesbild"]

    /// Decodes a string.
    public func decode(_ text: String, file: String) -> LoadedFile {
        decode(Array(text.utf8), file: file)
    }
}
