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

    public init(directory: String) {
        self.directory = directory
    }

    /// `lysekil-2026-W47.md`.
    public static func fileName(for lagesbild: Lagesbild, exporter: any Exporter) -> String {
        "\(lagesbild.kommun.id)-\(lagesbild.period.id).\(exporter.fileExtension)"
    }

    public func write(_ lagesbild: Lagesbild, with exporters: [any Exporter], options: ExportOptions) -> [Result] {
        exporters.map { exporter in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName(for: lagesbild, exporter: exporter)).path
            do {
                try AtomicFile.write(try exporter.export(lagesbild, options: options), to: path)
                return Result(exporter: exporter.id, path: path, error: nil, notices: exporter.notices(for: lagesbild, options: options))
            } catch {
                return Result(exporter: exporter.id, path: path, error: "\(error)")
            }
        }
    }
}
