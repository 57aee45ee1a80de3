import Foundation
import Platform

/// One row per area × indicator, long format, with exactly the columns
/// `kommun,period,area_id,area,indicator_id,indicator,value,previous,last_year,baseline,status`; a kommun with
/// statistics or public reporters gets a column for each of those sources after them (`statistics`, `public`:
/// the cell's value from that source, empty when it has none). Numbers use a decimal point; `previous`,
/// `last_year` and `baseline` are empty when there is no data (no reports at all in that period), which is not
/// 0; names and status are in the chosen language (the kommun's status names).
/// A name a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written with a leading `'`
/// (`CSVWriter.neutralised`).
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
        let sources = (lagesbild.sources ?? []).map(\.source)
        writer.append(Self.columns + sources)
        for cell in lagesbild.cells {
            for field in [lagesbild.kommun.id, lagesbild.period.id, cell.area] { writer.appendField(field) }
            writer.appendField(cell.areaName, neutralising: true)
            writer.appendField(cell.indicator)
            writer.appendField(cell.indicatorName, neutralising: true)
            for value in [cell.value, cell.previous, cell.lastYear, cell.baseline] { writer.appendField(Self.number(value)) }
            writer.appendField(cell.statusLabel)
            for source in sources { writer.appendField(cell.sources?.value(of: source).map(Self.number) ?? "") }
            writer.endRecord()
        }
        return Data(writer.bytes)
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
