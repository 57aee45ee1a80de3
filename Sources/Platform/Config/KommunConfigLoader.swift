import Foundation

/// Reads a kommun's YAML file into a `KommunConfig`, collecting every problem in the file.
public struct KommunConfigLoader: Sendable {
    /// One file as read: its text (for rendering diagnostics), the configuration when it is valid, and
    /// every problem found.
    public struct LoadedFile: Sendable {
        public var file: String
        public var source: String
        public var config: KommunConfig?
        public var diagnostics: [Diagnostic]

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

    public init(yaml: YAMLLoader = YAMLLoader()) {
        self.yaml = yaml
    }

    /// Reads and decodes the file at `path`.
    public func load(path: String) -> LoadedFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadedFile(file: path, source: "", config: nil,
                              diagnostics: [Diagnostic(file: path, mark: nil, message: "cannot read the file")])
        }
        return decode(Array(data), file: path)
    }

    /// Decodes YAML text; `file` names it in diagnostics.
    public func decode(_ bytes: [UInt8], file: String) -> LoadedFile {
        let source = String(decoding: bytes, as: UTF8.self)
        let document = yaml.load(bytes, file: file)
        let context = DecodingContext(file: file)
        context.append(document.diagnostics)
        var config: KommunConfig?
        if let root = document.root {
            config = ConfigValue(node: root, path: .root, context: context).decode(KommunConfig.self)
            context.resolveReferences()
        }
        let diagnostics = context.diagnostics.sorted { ($0.mark ?? Mark(line: 0, column: 0)) < ($1.mark ?? Mark(line: 0, column: 0)) }
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return LoadedFile(file: file, source: source, config: hasErrors ? nil : config, diagnostics: diagnostics)
    }

    /// Decodes a string.
    public func decode(_ text: String, file: String) -> LoadedFile {
        decode(Array(text.utf8), file: file)
    }
}
