import Foundation

/// Turns a lägesbild into the bytes of one output format. Built-ins live in the `Plugins` module; an
/// admin adds formats without touching the core.
public protocol Exporter: Sendable {
    /// The id used on the command line: `md`, `json`, `csv`.
    var id: String { get }
    /// A name for listings: `Markdown`.
    var displayName: String { get }
    /// The extension of files it writes, without the dot.
    var fileExtension: String { get }
    /// The IANA media type of its output: `text/markdown; charset=utf-8`.
    var mediaType: String { get }

    /// The parts of the lägesbild it shows; `.all` by default. An exporter that declares less gets a
    /// lägesbild with the other parts empty.
    var parts: Lagesbild.Parts { get }

    func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data

    /// What the user should know about an export that is not an error, such as areas left off a map
    /// because they have no coordinates. None by default.
    func notices(for lagesbild: Lagesbild, options: ExportOptions) -> [String]
}

extension Exporter {
    public var parts: Lagesbild.Parts { .all }

    public func notices(for lagesbild: Lagesbild, options: ExportOptions) -> [String] { [] }
}

/// What an exporter is told besides the lägesbild.
public struct ExportOptions: Sendable, Hashable {
    /// Labels in this language (the lägesbild's names already are).
    public var language: Language
    /// Free-form settings for a particular exporter (`--option key=value`).
    public var settings: [String: String]

    public init(language: Language, settings: [String: String] = [:]) {
        self.language = language
        self.settings = settings
    }
}
