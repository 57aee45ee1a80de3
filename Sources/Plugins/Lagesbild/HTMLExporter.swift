import Foundation
import Platform

/// The lägesbild as one self-contained HTML page to read on screen or print on A4: a heat map of areas ×
/// indicators by status, trend lines per area, each indicator against its baseline, then hotspots,
/// reporting, notes, interventions and priorities, the next period's meetings, feedback and methods. CSS and SVG are inline; it needs no network and no JavaScript,
/// and every chart is backed by a data table.
public struct HTMLExporter: Exporter {
    public let id = "html"
    public let displayName = "HTML"
    public let fileExtension = "html"
    public let mediaType = "text/html; charset=utf-8"

    public init() {}

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        Data(HTMLReport(lagesbild: lagesbild, language: options.language).render().utf8)
    }
}
