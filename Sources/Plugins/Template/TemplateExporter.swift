import Foundation
import Mustache
import Platform

/// A Mustache template that an admin drops into a templates folder, offered as exporter `template:NAME`.
///
/// The template sees the lägesbild exactly as its JSON (`schemas/lagesbild.schema.json`). A file
/// `NAME.EXT.mustache` writes `.EXT` files; templates for HTML are escaped as HTML, all others are not.
/// A template in `templates/KOMMUN/` is used for that kommun instead of a shared one of the same name.
public struct TemplateExporter: Exporter {
    public let id: String
    public let displayName: String
    public let fileExtension: String
    public let mediaType: String
    /// The shared template, and per-kommun replacements.
    let shared: MustacheTemplate?
    let perKommun: [String: MustacheTemplate]

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        guard let template = perKommun[lagesbild.kommun.id] ?? shared else {
            throw TemplateError(message: "\(id) has no template for \(lagesbild.kommun.id)")
        }
        let json = try JSONExporter().export(lagesbild, options: options)
        let context = try JSONSerialization.jsonObject(with: json)
        return Data(template.render(Self.mustacheValues(context)).utf8)
    }

    /// JSON values as swift-mustache reads them: JSON booleans as `Bool`, so `{{#isNew}}` is false when false.
    static func mustacheValues(_ value: Any) -> Any {
        switch value {
        case let object as [String: Any]: return object.mapValues(mustacheValues)
        case let array as [Any]: return array.map(mustacheValues)
        case let number as NSNumber where type(of: number) == type(of: NSNumber(value: true)) && type(of: number) != type(of: NSNumber(value: 1)):
            return number.boolValue
        case let number as NSNumber:
            return number.doubleValue == number.doubleValue.rounded() ? number.intValue as Any : number.doubleValue as Any
        default: return value
        }
    }

    /// A problem with a template: where it is and what is wrong.
    public struct TemplateError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
