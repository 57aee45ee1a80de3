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
    /// For a batch: the files written, made durable and put in place together by `commit()`; nil: each file
    /// is synced and put in place as it is written.
    private let batch: AtomicFileBatch?

    /// A writer of files put in place one by one, or with `batch` all together by `commit()`.
    public init(directory: String, batch: Bool = false) {
        self.directory = directory
        self.batch = batch ? AtomicFileBatch() : nil
    }

    /// For a batch writer: makes every file written since the last commit durable and puts it in place
    /// (`AtomicFileBatch.commit()`); returns why each file that is not in place failed, by its path (and a
    /// folder that could not be synced, by the folder's path). Nothing to do for a writer without a batch.
    public func commit() -> [String: AtomicFile.Failure] {
        batch?.commit() ?? [:]
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

    /// Exports `lagesbild` with each of `exporters` into a file of the folder (with a batch, put in place by
    /// `commit()`).
    public func write(_ lagesbild: Lagesbild, with exporters: [any Exporter], options: ExportOptions) -> [Result] {
        exporters.map { exporter in
            let name = Self.fileName(for: lagesbild, exporter: exporter, among: exporters)
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                let data = try exporter.export(lagesbild, options: options)
                if let batch { try batch.write(data, to: path) } else { try AtomicFile.write(data, to: path) }
                return Result(exporter: exporter.id, path: path, error: nil, notices: exporter.notices(for: lagesbild, options: options))
            } catch {
                return Result(exporter: exporter.id, path: path, error: "\(error)")
            }
        }
    }
}
