import Foundation
import Mustache
import Platform

/// The template exporters in a folder: `*.mustache` directly in it are shared by every kommun;
/// `KOMMUN/*.mustache` are that kommun's own. Adding a file adds a format; no code changes.
public struct TemplateFolder: Sendable {
    /// `templates` in the working directory (`$PLATFORM_TEMPLATES` overrides it through `PlatformEnvironment`).
    public static let defaultPath = "templates"

    public let path: String
    /// One exporter per template name.
    public let exporters: [TemplateExporter]
    /// Templates that could not be read, as `file:line:col: error: …`.
    public let problems: [String]

    public init(path: String = TemplateFolder.defaultPath) {
        self.path = path
        var shared: [String: (MustacheTemplate, String)] = [:]
        var perKommun: [String: [String: MustacheTemplate]] = [:]
        var extensions: [String: String] = [:]
        var problems: [String] = []
        let manager = FileManager.default
        for relative in (manager.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted() where relative.hasSuffix(".mustache") {
            let parts = relative.split(separator: "/").map(String.init)
            guard parts.count <= 2 else { continue }
            let file = "\(path)/\(relative)"
            let base = String(parts.last!.dropLast(".mustache".count))
            let name = base.split(separator: ".").first.map(String.init) ?? base
            let ext = base.contains(".") ? String(base.split(separator: ".").last!) : "txt"
            do {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                let template = try MustacheTemplate(string: ext == "html" ? text : "{{% CONTENT_TYPE: TEXT}}" + text)
                if parts.count == 1 {
                    shared[name] = (template, ext)
                } else {
                    perKommun[name, default: [:]][parts[0]] = template
                }
                if let known = extensions[name], known != ext {
                    problems.append("\(file): error: template '\(name)' writes .\(ext) here but .\(known) elsewhere")
                }
                extensions[name] = extensions[name] ?? ext
            } catch let error as MustacheTemplate.ParserError {
                problems.append("\(file):\(error.context.lineNumber):\(error.context.columnNumber): error: \(error.error)\n\(error.context.line)")
            } catch {
                problems.append("\(file): error: \(error)")
            }
        }
        exporters = extensions.keys.sorted().map { name in
            let ext = extensions[name]!
            let kommuner = perKommun[name]?.keys.sorted() ?? []
            let scope = shared[name] == nil ? " (" + kommuner.joined(separator: ", ") + ")" : ""
            return TemplateExporter(id: "template:\(name)", displayName: "Mustache template \(name)\(scope)",
                                    fileExtension: ext, mediaType: Self.mediaType(ext),
                                    shared: shared[name]?.0, perKommun: perKommun[name] ?? [:])
        }
        self.problems = problems
    }

    static func mediaType(_ ext: String) -> String {
        switch ext {
        case "html", "htm": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        default: "text/plain; charset=utf-8"
        }
    }
}
