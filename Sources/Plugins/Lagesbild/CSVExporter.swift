import Foundation
import Platform

/// One row per area × indicator, long format, with exactly the columns
/// `kommun,period,area_id,area,indicator_id,indicator,value,previous,last_year,baseline,status`.
/// Numbers use a decimal point; names and status are in the chosen language. A name a spreadsheet would
/// run as a formula (`=`, `+`, `-`, `@` first) is written with a leading `'` (`CSVWriter.neutralised`).
public struct CSVExporter: Exporter {
    public static let columns = ["kommun", "period", "area_id", "area", "indicator_id", "indicator", "value", "previous",
                                 "last_year", "baseline", "status"]

    public let id = "csv"
    public let displayName = "CSV"
    public let fileExtension = "csv"
    public let mediaType = "text/csv; charset=utf-8"
    /// The cells only.
    public let parts: Lagesbild.Parts = []

    public init() {}

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        var writer = CSVWriter()
        writer.append(Self.columns)
        for cell in lagesbild.cells {
            writer.append([
                lagesbild.kommun.id, lagesbild.period.id, cell.area, CSVWriter.neutralised(cell.areaName), cell.indicator,
                CSVWriter.neutralised(cell.indicatorName),
                Self.number(cell.value), Self.number(cell.previous), Self.number(cell.lastYear), Self.number(cell.baseline),
                cell.status.label(options.language),
            ])
        }
        return Data(writer.text.utf8)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
