import Foundation

/// The indicators of one checklist version as stored beside the reports checked against it.
public struct ChecklistSnapshot: Codable {
    struct Item: Codable {
        var id: String
        var name: String
        var nameEn: String?
        var category: String
        var measure: String
        var scaleMin: Int?
        var scaleMax: Int?
        var scaleLabels: [String]?
        var weight: Double
    }

    var version: String
    var indicators: [Item]

    /// The snapshot of `checklist`.
    public init(_ checklist: Checklist) {
        version = checklist.version
        indicators = checklist.indicators.map {
            Item(id: $0.id, name: $0.name.sv, nameEn: $0.name.en, category: $0.category, measure: $0.measure.rawValue,
                 scaleMin: $0.scale?.min, scaleMax: $0.scale?.max, scaleLabels: $0.scale?.labels, weight: $0.weight)
        }
    }

    /// The problem with storing `checklist` when its version is already stored for `kommun` with other
    /// indicators (every store refuses such a delivery whole).
    public static func versionConflict(_ checklist: Checklist, kommun: String) -> String {
        "checklist version '\(checklist.version)' is already stored for \(kommun) with other indicators; "
            + "give the changed checklist a new checklist.version in the kommun file"
    }

    /// Canonical JSON (sorted keys), so equal checklists compare equal as text.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
