import Foundation

/// The `platform-export-NAME` programs in the plugins folder and on `PATH`.
public struct ExternalPluginScan: Sendable {
    /// A program found, usable or not.
    public struct Candidate: Sendable, Hashable {
        public var name: String
        public var path: String
    }

    /// `plugins` in the working directory (`$PLATFORM_PLUGINS` overrides it through `PlatformEnvironment`).
    public static let defaultFolder = "plugins"

    /// The usable programs, one per name: the plugins folder first, then `PATH` in order.
    public let candidates: [Candidate]
    /// Programs that are ignored, and why.
    public let warnings: [String]

    /// Scans `folder` and the directories of `searchPath`; `reserved` ids (built-ins, templates) are never
    /// shadowed by a program.
    public init(folder: String = ExternalPluginScan.defaultFolder,
                searchPath: String? = ProcessInfo.processInfo.environment["PATH"], reserved: Set<String>) {
        var candidates: [Candidate] = []
        var warnings: [String] = []
        let manager = FileManager.default
        let directories = [folder] + (searchPath?.split(separator: ":").map(String.init) ?? [])
        var seenDirectories: Set<String> = []
        for directory in directories where seenDirectories.insert(URL(fileURLWithPath: directory).standardized.path).inserted {
            let names = ((try? manager.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasPrefix(ExternalExporter.prefix) && $0.count > ExternalExporter.prefix.count }.sorted()
            for file in names {
                let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
                let name = String(file.dropFirst(ExternalExporter.prefix.count))
                if reserved.contains(name) {
                    warnings.append("\(path) is ignored: it would shadow the built-in '\(name)' exporter")
                } else if !manager.isExecutableFile(atPath: path) {
                    warnings.append("\(path) is ignored: it is not executable (chmod +x)")
                } else if let first = candidates.first(where: { $0.name == name }) {
                    warnings.append("\(path) is ignored: '\(name)' is already provided by \(first.path)")
                } else {
                    candidates.append(Candidate(name: name, path: path))
                }
            }
        }
        self.candidates = candidates
        self.warnings = warnings
    }
}
