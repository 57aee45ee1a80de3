/// An ort, a district or a named place; areas nest.
public struct Area: Sendable, Hashable {
    /// What sort of area.
    public enum Kind: String, Sendable, Hashable, CaseIterable, ConfigEnum {
        case ort, district, place
    }

    /// A point in WGS 84.
    public struct Location: Sendable, Hashable {
        public var lat: Double
        public var lon: Double
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// SCB's RegSO or DeSO code.
    public var scbCode: String?
    public var location: Location?
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
        aliases = m.list("aliases")
        areas = m.list("areas")
        guard let id, let name, let kind else { return nil }
        self.id = id
        self.name = name
        self.kind = kind
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
}
