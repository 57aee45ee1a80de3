import Foundation
import Platform

/// The meetings of the period after the lägesbild's, as an iCalendar file to import into calendars.
/// Its DTSTAMP is the start of that period (UTC midnight), so the same lägesbild always gives the same file.
public struct ICSExporter: Exporter {
    public let id = "ics"
    public let displayName = "iCalendar (next period's meetings)"
    public let fileExtension = "ics"
    public let mediaType = "text/calendar; charset=utf-8"

    public init() {}

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        let next = Period(lagesbild.period.id)?.next
        let stamp = next.map { Date(timeIntervalSince1970: TimeInterval($0.start.dayNumber) * 86_400) } ?? Date(timeIntervalSince1970: 0)
        let name = "\(lagesbild.kommun.name): " + options.language.pick("möten", "meetings") + " \(next?.label(options.language) ?? "")"
        return Data(try ICSCalendar(name: name, meetings: lagesbild.upcoming, stamp: stamp).render().utf8)
    }
}
