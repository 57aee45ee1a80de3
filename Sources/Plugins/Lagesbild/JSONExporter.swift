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

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(lagesbild)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
