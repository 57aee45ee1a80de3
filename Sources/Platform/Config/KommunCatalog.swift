import Foundation

/// The kommuner an installation serves: every `*.yaml` file directly in the municipalities folder.
public struct KommunCatalog: Sendable {
    /// The folder used when none is given: `municipalities` in the working directory (`PLATFORM_MUNICIPALITIES`
    /// overrides it through `PlatformEnvironment`).
    public static let defaultDirectory = "municipalities"

    public let directory: String
    /// Every file read, valid or not, sorted by path.
    public let files: [KommunConfigLoader.LoadedFile]
    /// Problems that span files, such as two files with the same kommun id.
    public let diagnostics: [Diagnostic]

    /// Reads every kommun file in `directory`.
    public init(directory: String = KommunCatalog.defaultDirectory, loader: KommunConfigLoader = KommunConfigLoader()) throws(CatalogError) {
        self.directory = directory
        let paths = try Self.yamlFiles(in: directory, recursive: false)
        files = paths.concurrentMap { loader.load(path: $0, foundIn: directory) }
        diagnostics = Self.duplicateIDs(in: files)
    }

    /// Two files in the same folder may not describe the same kommun id: one diagnostic for each file after
    /// the first (by the files' order) that claims an id.
    public static func duplicateIDs(in files: [KommunConfigLoader.LoadedFile]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var clashes: [Diagnostic] = []
        // The folder as a full path, worked out once for each way a folder is written before a file's name.
        var folders: [Substring: String] = [:]
        for file in files {
            guard let id = file.config?.id else { continue }
            let written = file.file[..<(file.file.lastIndex(of: "/") ?? file.file.startIndex)]
            let folder = folders[written] ?? URL(fileURLWithPath: file.file).deletingLastPathComponent().path
            folders[written] = folder
            let key = folder + "\u{0}" + id
            if let first = seen[key] {
                clashes.append(Diagnostic(file: file.file, mark: nil, path: "kommun.id",
                                          message: "kommun id '\(id)' is already used by \(first)"))
            } else {
                seen[key] = file.file
            }
        }
        return clashes
    }

    /// The valid kommuner, sorted by id; a kommun id that a second file also claims counts once, from the
    /// first file by path.
    public var kommuner: [KommunConfig] {
        let duplicates = Set(diagnostics.map(\.file))
        return files.filter { !duplicates.contains($0.file) }.compactMap(\.config).sorted { $0.id < $1.id }
    }

    /// The files that give no kommun, and why: errors in the file, or a kommun id another file already has.
    public var unusableFiles: [(file: String, reason: String)] {
        files.compactMap { file in
            if file.config == nil { return (file.file, "\(file.errorSummary) (platform-cli validate \(file.file))") }
            return diagnostics.first { $0.file == file.file }.map { (file.file, $0.message) }
        }
    }

    /// Reads only `DIRECTORY/ID.yaml` when that file describes kommun `id` (the usual case), else the
    /// whole folder: compiling one kommun need not decode every kommun's file.
    public static func kommun(_ id: String, in directory: String = KommunCatalog.defaultDirectory,
                              loader: KommunConfigLoader = KommunConfigLoader()) throws(CatalogError) -> KommunConfig {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for candidate in ["\(base)/\(id).yaml", "\(base)/\(id).yml"] where FileManager.default.fileExists(atPath: candidate) {
            let file = loader.load(path: candidate, foundIn: directory)
            if let config = file.config, config.id == id, file.isValid { return config }
        }
        return try KommunCatalog(directory: directory, loader: loader).kommun(id)
    }

    /// The kommun with `id`, or an error that lists the known ids and any problems in its file.
    public func kommun(_ id: String) throws(CatalogError) -> KommunConfig {
        if let config = kommuner.first(where: { $0.id == id }) { return config }
        if let broken = files.first(where: { URL(fileURLWithPath: $0.file).deletingPathExtension().lastPathComponent == id }) {
            throw CatalogError(.invalidFile(broken.file, broken.renderedDiagnostics))
        }
        throw CatalogError(.unknownKommun(id, known: kommuner.map(\.id), directory: directory))
    }

    /// Every kommun file at `path` read: the file itself (followed if it is a link: it was named), or those
    /// in the folder and its subfolders (a link out of the folder not followed); a folder's files are read on
    /// all cores, and come back sorted by path.
    public static func load(_ path: String, loader: KommunConfigLoader = KommunConfigLoader()) throws(CatalogError) -> [KommunConfigLoader.LoadedFile] {
        let paths = try yamlFiles(in: path, recursive: true)
        return paths == [path] ? [loader.load(path: path)] : paths.concurrentMap { loader.load(path: $0, foundIn: path) }
    }

    /// The YAML files at `path`: the file itself, or those in the folder (and its subfolders if `recursive`).
    public static func yamlFiles(in path: String, recursive: Bool) throws(CatalogError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CatalogError(.notFound(path))
        }
        guard isDirectory.boolValue else { return [path] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let names: [String]
        if recursive {
            names = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String]) ?? []
        } else {
            names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(base)/\($0)" }
    }
}

/// Why a kommun could not be found or read.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
        case notFound(String)
        case unknownKommun(String, known: [String], directory: String)
        case invalidFile(String, String)
    }

    let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound(let path):
            return "\(path): no such file or folder"
        case let .unknownKommun(id, known, directory):
            let list = known.isEmpty ? "none" : known.joined(separator: ", ")
            var text = "unknown kommun '\(id)' in \(directory)/ (known: \(list))"
            if let suggestion = Suggestion.nearest(to: id, among: known) { text += "; did you mean '\(suggestion)'?" }
            return text
        case let .invalidFile(file, diagnostics):
            return "\(file) has errors:\n\(diagnostics)"
        }
    }
}
