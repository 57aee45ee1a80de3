/// An ort, a district or a named place; areas nest.
public struct Area: Sendable, Hashable, Codable {
    /// What sort of area.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, ConfigEnum {
        case ort, district, place
    }

    /// A point in WGS 84.
    public struct Location: Sendable, Hashable, Codable {
        public var lat: Double
        public var lon: Double
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// SCB's RegSO or DeSO code.
    public var scbCode: String?
    public var location: Location?
    /// The area's outline, at least 3 distinct points in the order the kommun file gives them, as an open
    /// ring (a closing point equal to the first is dropped when read).
    public var boundary: [Location]?
    /// Other names report files may use for the area.
    public var aliases: [String]
    public var areas: [Area]

    /// This area and every area below it, depth first.
    public var flattened: [Area] {
        [self] + areas.flatMap(\.flattened)
    }
}

extension Area: ConfigObject {
    init?(from m: ConfigMapping) {
        let id = m.id(.area)
        let name: String? = m.required("name")
        let kind: Kind? = m.required("kind")
        scbCode = m.optional("scbCode")
        location = m.optional("location")
        boundary = m.value("boundary").flatMap(Self.boundary(from:))
        aliases = m.list("aliases")
        areas = m.list("areas")
        guard let id, let name, let kind else { return nil }
        self.id = id
        self.name = name
        self.kind = kind
    }
}

extension Area {
    /// `boundary: [[58.274, 11.435], [58.276, 11.441], …]`: `[lat, lon]` pairs, the ring given closed or
    /// open; nil with every problem reported when a pair is malformed or out of range, or the ring has fewer
    /// than 3 distinct points or encloses no area.
    static func boundary(from value: ConfigValue) -> [Location]? {
        guard let items = value.items() else { return nil }
        let points = items.map(Location.pair(from:))
        guard points.allSatisfy({ $0 != nil }) else { return nil }
        var ring = points.compactMap { $0 }
        if ring.count > 1, ring.first == ring.last { ring.removeLast() }
        let distinct = Set(ring).count
        guard distinct >= 3 else {
            value.error("a boundary needs at least 3 distinct [lat, lon] points, found \(distinct)")
            return nil
        }
        guard Location.signedArea(ring) != 0 else {
            value.error("the boundary's points lie on one line, so it encloses no area")
            return nil
        }
        return ring
    }
}

extension Area.Location: ConfigObject {
    init?(from m: ConfigMapping) {
        let lat: Double? = m.required("lat")
        let lon: Double? = m.required("lon")
        if let lat, !(-90...90).contains(lat) { m.value("lat")?.error("latitude is between -90 and 90, found \(lat)") }
        if let lon, !(-180...180).contains(lon) { m.value("lon")?.error("longitude is between -180 and 180, found \(lon)") }
        guard let lat, let lon, (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        self.lat = lat
        self.lon = lon
    }

    /// A `[lat, lon]` pair in a boundary.
    static func pair(from value: ConfigValue) -> Area.Location? {
        guard let items = value.node.items, items.count == 2 else {
            let found = value.node.items.map { "a list of \($0.count) \($0.count == 1 ? "value" : "values")" } ?? value.node.kindName
            value.error("expected a [lat, lon] pair, found \(found)")
            return nil
        }
        guard let elements = value.items() else { return nil }
        let numbers = elements.map { $0.decode(Double.self) }
        guard let lat = numbers[0], let lon = numbers[1] else { return nil }
        if !(-90...90).contains(lat) {
            let hint = (-90...90).contains(lon) ? " (write each point as [lat, lon], latitude first)" : ""
            elements[0].error("latitude is between -90 and 90, found \(lat)\(hint)")
        }
        if !(-180...180).contains(lon) {
            elements[1].error("longitude is between -180 and 180, found \(lon)")
        }
        guard (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return Area.Location(lat: lat, lon: lon)
    }

    /// Twice the signed area of a ring, in square degrees with longitude as x and latitude as y (the
    /// shoelace formula, taken about the first point): positive when the points run counterclockwise,
    /// negative when clockwise, 0 when they lie on one line (or so nearly that the area is below
    /// 10⁻¹² square degrees, about a hundredth of a square metre).
    static func signedArea(_ ring: [Area.Location]) -> Double {
        guard let origin = ring.first, ring.count > 2 else { return 0 }
        var sum = 0.0
        for (index, point) in ring.enumerated() {
            let next = ring[(index + 1) % ring.count]
            sum += (point.lon - origin.lon) * (next.lat - origin.lat) - (next.lon - origin.lon) * (point.lat - origin.lat)
        }
        return abs(sum) < 2e-12 ? 0 : sum
    }
}
