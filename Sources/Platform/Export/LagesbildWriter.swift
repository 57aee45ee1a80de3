import Foundation

/// Runs exporters on a lägesbild and writes each output file whole or not at all. One exporter failing
/// does not stop the others.
public struct LagesbildWriter: Sendable {
    /// One exporter's result: the file written, or why not.
    public struct Result: Sendable {
        public var exporter: String
        public var path: String
        public var error: String?
        /// Notes from the exporter, such as areas left off a map.
        public var notices: [String] = []
    }

    public let directory: String
    /// Whether the folder is synced after each file's rename (each file itself is synced either way); false for
    /// a batch, which calls `syncFolder()` once after its last file.
    public let syncsFolderPerFile: Bool

    public init(directory: String, syncsFolderPerFile: Bool = true) {
        self.directory = directory
        self.syncsFolderPerFile = syncsFolderPerFile
    }

    /// Syncs the folder, keeping the renames of every file a batch wrote (`syncsFolderPerFile` false).
    public func syncFolder() throws {
        try AtomicFile.syncFolder(directory)
    }

    /// `lysekil-2026-W47.md`, an area's `orebro-vivalla-2026-W47.md`; when two of the formats written share an extension, each of them gets its
    /// id in the name (`lysekil-2026-W47-template-epost.txt`), so no file overwrites another.
    public static func fileName(for lagesbild: Lagesbild, exporter: any Exporter, among exporters: [any Exporter]) -> String {
        let shared = exporters.filter { $0.fileExtension == exporter.fileExtension }.count > 1
        let suffix = shared ? "-" + exporter.id.replacingOccurrences(of: ":", with: "-") : ""
        // The lägesbild's id when the kommun has several, and the area when it is not the whole kommun's
        // (once, when the lägesbild is named after its area).
        let names = [lagesbild.kommun.id, lagesbild.definition?.id, lagesbild.area?.id].compactMap { $0 }
        let parts = names.enumerated().filter { index, name in index < 2 || name != names[index - 1] }.map(\.element)
        return parts.joined(separator: "-") + "-\(lagesbild.period.id)\(suffix).\(exporter.fileExtension)"
    }

    public func write(_ lagesbild: Lagesbild, with exporters: [any Exporter], options: ExportOptions) -> [Result] {
        exporters.map { exporter in
            let name = Self.fileName(for: lagesbild, exporter: exporter, among: exporters)
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                try AtomicFile.write(try exporter.export(lagesbild, options: options), to: path, syncingFolder: syncsFolderPerFile)
                return Result(exporter: exporter.id, path: path, error: nil, notices: exporter.notices(for: lagesbild, options: options))
            } catch {
                return Result(exporter: exporter.id, path: path, error: "\(error)")
            }
        }
    }
}
