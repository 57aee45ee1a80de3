import Foundation
import Platform

/// The areas as a GeoJSON FeatureCollection (RFC 7946) for QGIS, ArcGIS and web maps: one Feature per
/// area with coordinates, a Polygon from its `boundary` or else a Point at its `location`, with the
/// period's figures as flat properties (one attribute-table column each).
///
/// Coordinates are WGS 84 `[lon, lat]` with at most 6 decimals (about 0.1 m); polygon rings are closed and
/// counterclockwise (RFC 7946 §3.1.6); there is no `crs` member. Properties, in this order: `id`, `name`,
/// `kind`, `parent`, `kommun`, `period`, `score`, `rank`, `status` (the area's status by the kommun's
/// rules, by default its worst cell's, a code), `status_label` (the same in the chosen language),
/// `assessed_status`, `assessed_status_label`, `assessed_by`, `assessed_on`, `assessed_reason` (the status
/// a body set for the area, null when none), `events` (count indicators summed), then per
/// indicator in checklist order `<indicator id>` (the value) and `<indicator id>_status` (a code). An
/// indicator whose id is one of the fixed names is written as `indicator_<id>`. Areas without coordinates
/// are left out and named in a notice.
public struct GeoJSONExporter: Exporter {
    public let id = "geojson"
    public let displayName = "GeoJSON"
    public let fileExtension = "geojson"
    public let mediaType = "application/geo+json"

    /// The properties every feature has, before the indicators'.
    public static let fixedProperties = ["id", "name", "kind", "parent", "kommun", "period", "score", "rank", "status",
                                         "status_label", "assessed_status", "assessed_status_label", "assessed_by",
                                         "assessed_on", "assessed_reason", "events"]

    public init() {}

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        var features: [JSONValue] = []
        var positions: [[Double]] = []
        for area in lagesbild.areas {
            guard let geometry = Self.geometry(of: area) else { continue }
            positions += geometry.positions
            features.append(.object([
                ("type", .string("Feature")),
                ("id", .string(area.id)),
                ("geometry", geometry.json),
                ("properties", .object(properties(of: area, in: lagesbild, language: options.language))),
            ]))
        }
        var collection: [(String, JSONValue)] = [("type", .string("FeatureCollection"))]
        if let bbox = Self.boundingBox(positions) { collection.append(("bbox", .array(bbox.map(JSONValue.number)))) }
        collection.append(("features", .array(features)))
        var text = ""
        JSONValue.object(collection).write(to: &text, indent: "")
        return Data((text + "\n").utf8)
    }

    public func notices(for lagesbild: Lagesbild, options: ExportOptions) -> [String] {
        let missing = lagesbild.areas.filter { Self.geometry(of: $0) == nil }.map(\.name)
        guard !missing.isEmpty else { return [] }
        let names = missing.joined(separator: ", ")
        if missing.count == 1 {
            return [options.language.pick("1 område saknar koordinater och visas inte på kartan: \(names)",
                                          "1 area has no coordinates and is not on the map: \(names)")]
        }
        return [options.language.pick("\(missing.count) områden saknar koordinater och visas inte på kartan: \(names)",
                                      "\(missing.count) areas have no coordinates and are not on the map: \(names)")]
    }

    /// The property name for an indicator's value; `indicator_<id>` when the id is a fixed name.
    static func propertyName(forIndicator id: String) -> String {
        fixedProperties.contains(id) ? "indicator_\(id)" : id
    }

    private func properties(of area: Lagesbild.AreaSummary, in lagesbild: Lagesbild, language: Language) -> [(String, JSONValue)] {
        let cells = lagesbild.cells.filter { $0.area == area.id }
        let score = lagesbild.areaScores.first { $0.area == area.id }
        let status = lagesbild.areaStatus(area.id)
        let assessed = status?.assessed
        let countIndicators = Set(lagesbild.indicators.filter { $0.measure == "count" }.map(\.id))
        let events = cells.filter { countIndicators.contains($0.indicator) }.reduce(0) { $0 + $1.value }
        var properties: [(String, JSONValue)] = [
            ("id", .string(area.id)),
            ("name", .string(area.name)),
            ("kind", .string(area.kind)),
            ("parent", area.parent.map(JSONValue.string) ?? .null),
            ("kommun", .string(lagesbild.kommun.id)),
            ("period", .string(lagesbild.period.id)),
            // Always with a decimal point, so that GIS tools type the column as real in every period.
            ("score", score.map { .real($0.score) } ?? .null),
            ("rank", score.map { .number(Double($0.rank)) } ?? .null),
            ("status", .string((status?.status ?? .green).rawValue)),
            ("status_label", .string(status?.statusLabel ?? lagesbild.statusName(.green))),
            ("assessed_status", assessed.map { .string($0.status.rawValue) } ?? .null),
            ("assessed_status_label", assessed.map { .string($0.statusLabel) } ?? .null),
            ("assessed_by", assessed.map { .string($0.by.name) } ?? .null),
            ("assessed_on", assessed.map { .string($0.on) } ?? .null),
            ("assessed_reason", assessed.map { .string($0.reason) } ?? .null),
            ("events", .number(events)),
        ]
        for indicator in lagesbild.indicators {
            let cell = cells.first { $0.indicator == indicator.id }
            let name = Self.propertyName(forIndicator: indicator.id)
            properties.append((name, cell.map { .number($0.value) } ?? .null))
            properties.append(("\(name)_status", cell.map { .string($0.status.rawValue) } ?? .null))
        }
        return properties
    }

    // MARK: Geometry

    struct Geometry: Equatable {
        var json: JSONValue
        var positions: [[Double]]
    }

    /// A Polygon from the boundary when it makes one, else a Point at the location, else nil.
    static func geometry(of area: Lagesbild.AreaSummary) -> Geometry? {
        if let boundary = area.boundary, let ring = exteriorRing(boundary) {
            return Geometry(json: .object([("type", .string("Polygon")), ("coordinates", .array([positionsJSON(ring)]))]),
                            positions: ring)
        }
        if let lat = area.lat, let lon = area.lon {
            let point = position(lon: lon, lat: lat)
            return Geometry(json: .object([("type", .string("Point")), ("coordinates", .array(point.map(JSONValue.number)))]),
                            positions: [point])
        }
        return nil
    }

    /// The ring rounded to 6 decimals, closed, and counterclockwise; nil when it encloses no area.
    static func exteriorRing(_ boundary: [[Double]]) -> [[Double]]? {
        var ring = boundary.filter { $0.count >= 2 }.map { position(lon: $0[0], lat: $0[1]) }
        if let first = ring.first, ring.last != first { ring.append(first) }
        guard ring.count >= 4 else { return nil }
        let area = signedArea(ring)
        guard area != 0 else { return nil }
        return area > 0 ? ring : ring.reversed()
    }

    /// Twice the signed area of a closed ring with longitude as x and latitude as y: positive when it runs
    /// counterclockwise.
    static func signedArea(_ ring: [[Double]]) -> Double {
        guard let origin = ring.first else { return 0 }
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) {
            sum += (a[0] - origin[0]) * (b[1] - origin[1]) - (b[0] - origin[0]) * (a[1] - origin[1])
        }
        return sum
    }

    /// `[lon, lat]` rounded to 6 decimals.
    static func position(lon: Double, lat: Double) -> [Double] {
        [rounded(lon), rounded(lat)]
    }

    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    private static func positionsJSON(_ ring: [[Double]]) -> JSONValue {
        .array(ring.map { .array($0.map(JSONValue.number)) })
    }

    /// `[west, south, east, north]` over every position, or nil when there are none.
    static func boundingBox(_ positions: [[Double]]) -> [Double]? {
        guard !positions.isEmpty else { return nil }
        let lons = positions.map { $0[0] }, lats = positions.map { $0[1] }
        return [lons.min()!, lats.min()!, lons.max()!, lats.max()!]
    }
}

/// JSON written by hand, so that members keep the order given (`type` first, as GeoJSON is usually
/// read) and numbers keep at most 6 decimals. Lists of plain values are written on one line.
enum JSONValue: Equatable {
    case string(String)
    case number(Double)
    /// A number written with a decimal point even when whole (`3.0`).
    case real(Double)
    case null
    case array([JSONValue])
    case object([Member])

    struct Member: Equatable {
        var key: String
        var value: JSONValue
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { Member(key: $0.0, value: $0.1) })
    }

    private var isPlain: Bool {
        switch self {
        case .string, .number, .real, .null: true
        case .array, .object: false
        }
    }

    func write(to text: inout String, indent: String) {
        switch self {
        case .string(let string): text += Self.quoted(string)
        case .number(let number): text += Self.format(number)
        case .real(let number):
            let formatted = Self.format(number)
            text += formatted.allSatisfy({ $0 == "-" || $0.isNumber }) ? formatted + ".0" : formatted
        case .null: text += "null"
        case .array(let items):
            if items.isEmpty {
                text += "[]"
            } else if items.allSatisfy(\.isPlain) {
                text += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { text += ", " }
                    item.write(to: &text, indent: indent)
                }
                text += "]"
            } else {
                let inner = indent + "  "
                text += "[\n"
                for (index, item) in items.enumerated() {
                    text += inner
                    item.write(to: &text, indent: inner)
                    text += index < items.count - 1 ? ",\n" : "\n"
                }
                text += indent + "]"
            }
        case .object(let members):
            guard !members.isEmpty else {
                text += "{}"
                return
            }
            let inner = indent + "  "
            text += "{\n"
            for (index, member) in members.enumerated() {
                text += inner + Self.quoted(member.key) + ": "
                member.value.write(to: &text, indent: inner)
                text += index < members.count - 1 ? ",\n" : "\n"
            }
            text += indent + "}"
        }
    }

    /// At most 6 decimals, no trailing `.0`; `null` for a number JSON cannot hold.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        let value = (number * 1_000_000).rounded() / 1_000_000
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
