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

    /// The `--option` keys it reads; none by default. Nil for any key (an external plugin whose
    /// `--describe` lists no `options`).
    var optionKeys: Set<String>? { get }

    func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data

    /// What the user should know about an export that is not an error, such as areas left off a map
    /// because they have no coordinates. None by default.
    func notices(for lagesbild: Lagesbild, options: ExportOptions) -> [String]
}

extension Exporter {
    public var parts: Lagesbild.Parts { .all }

    public var optionKeys: Set<String>? { [] }

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

extension ExportOptions {
    /// An `--option` key that none of the formats asked for reads.
    public struct UnknownOption: Error, Sendable, Hashable, CustomStringConvertible {
        public var key: String
        /// The formats asked for.
        public var formats: [String]
        /// The keys they read.
        public var known: [String]
        /// The command's own option of that name, when there is one (`area` for `--area`).
        public var commandOption: String?

        public var description: String {
            var text = "unknown --option key '\(key)' for \(formats.joined(separator: ", "))"
                + " (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
            if let commandOption {
                text += "; did you mean --\(commandOption)?"
            } else if let suggestion = Suggestion.nearest(to: key, among: known) {
                text += "; did you mean '\(suggestion)'?"
            }
            return text
        }
    }

    /// Checks that some format in `exporters` reads each key of `settings`; `commandOptions` are the
    /// command's own option names, suggested when a key is one of them (`--option area=…` for `--area`).
    public static func check(_ settings: [String: String], for exporters: [any Exporter],
                             commandOptions: [String] = []) throws(UnknownOption) {
        var known: Set<String> = []
        for exporter in exporters {
            guard let keys = exporter.optionKeys else { return }
            known.formUnion(keys)
        }
        for key in settings.keys.sorted() where !known.contains(key) {
            throw UnknownOption(key: key, formats: exporters.map(\.id), known: known.sorted(),
                                commandOption: commandOptions.contains(key) ? key : nil)
        }
    }
}
