import Foundation
import Platform

/// The whole lägesbild as JSON, with `schemaVersion`: the contract `schemas/lagesbild.schema.json`
/// describes, which external exporters receive.
public struct JSONExporter: Exporter {
    public let id = "json"
    public let displayName = "JSON"
    public let fileExtension = "json"
    public let mediaType = "application/json"

    public init() {}

    /// The bytes `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, and a
    /// newline; written member by member by `Lagesbild.prettyJSON()`.
    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        try lagesbild.prettyJSON()
    }
}
