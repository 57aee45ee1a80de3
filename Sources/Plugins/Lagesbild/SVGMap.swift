import Foundation
import Platform

/// A map of areas without tiles: each area with a boundary as a polygon, each with only a location as a
/// circle, filled with its status colour and, above green, hatched (sparse lines, cross-hatch, dense
/// cross-hatch) so that the status does not rest on colour alone; hotspots as dark triangles pointing down
/// at their area; the top-level areas named. Every area and hotspot has a `<title>`; the map's accessible
/// name is `title`. Coordinates have at most one decimal, so the same areas always give the same bytes.
struct SVGMap {
    /// A point in WGS 84.
    struct Coordinate: Equatable {
        var lat: Double
        var lon: Double
    }

    /// What an area is drawn as.
    enum Geometry: Equatable {
        case polygon([Coordinate])
        case point(Coordinate)
    }

    struct Shape {
        /// The area's id (the shape's element id is `map-area-<id>`, which no other id on the page starts with).
        var id: String
        /// The tooltip: name and status.
        var title: String
        /// A name to write beside the shape; the page gives one for top-level areas only.
        var label: String?
        var geometry: Geometry
        /// 0 for a top-level area; deeper areas are drawn over their parents.
        var depth: Int
        var status: Lagesbild.Status
    }

    struct Marker {
        var at: Coordinate
        var title: String
    }

    /// A document-unique id for the title element.
    let id: String
    let title: String
    let shapes: [Shape]
    let markers: [Marker]
    /// `#rrggbb` per status.
    let colours: [Lagesbild.Status: String]

    /// The circle's radius for an area with only a location, by depth.
    static func radius(depth: Int) -> Double { [7.0, 5.0, 4.0][min(depth, 2)] }

    func render() -> String {
        let projection = Projection(points: shapes.flatMap(\.geometry.coordinates) + markers.map(\.at))
        let width = SVG.number(projection.width), height = SVG.number(projection.height)
        var svg = "<svg class=\"map\" role=\"img\" aria-labelledby=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">"
            + "<title id=\"\(id)\">\(title.htmlEscaped)</title>"
        let hatched = Lagesbild.Status.allCases.filter { status in status != .green && shapes.contains { $0.status == status } }
        if !hatched.isEmpty { svg += "<defs>" + hatched.map(pattern).joined() + "</defs>" }
        svg += "<rect class=\"sea\" x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\"/>"
        // Polygons first, each area under the areas within it (by depth), then the points on top.
        let ordered = shapes.enumerated().sorted { a, b in
            (a.element.geometry.isPoint ? 1 : 0, a.element.depth, a.offset) < (b.element.geometry.isPoint ? 1 : 0, b.element.depth, b.offset)
        }.map(\.element)
        for shape in ordered {
            svg += "<g id=\"map-area-\(shape.id.htmlEscaped)\" class=\"area\"><title>\(shape.title.htmlEscaped)</title>"
            svg += element(shape, projection, fill: colours[shape.status] ?? "#ffffff")
            if shape.status != .green { svg += element(shape, projection, fill: "url(#\(patternID(shape.status)))", className: "hatch") }
            svg += "</g>"
        }
        for shape in ordered {
            guard let label = shape.label else { continue }
            let (left, right, y) = labelSpan(shape, projection)
            // Right of the shape, or left of it when a name would run off the map's east edge.
            let anchor = right > projection.width - 100 ? " text-anchor=\"end\"" : ""
            let x = anchor.isEmpty ? right + 3 : left - 3
            // A white halo under the name keeps it legible over shapes.
            for className in ["halo", "label"] {
                svg += "<text class=\"\(className)\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y + 4))\"\(anchor)>\(label.htmlEscaped)</text>"
            }
        }
        for marker in markers {
            let (x, y) = projection.point(marker.at)
            // A triangle pointing down at the area, its tip just above the area's centre.
            let tip = y - 3, top = tip - 11
            svg += "<g class=\"hotspot\"><title>\(marker.title.htmlEscaped)</title><polygon points=\""
                + [(x - 6.5, top), (x + 6.5, top), (x, tip)].map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")
                + "\"/></g>"
        }
        return svg + "</svg>"
    }

    private func element(_ shape: Shape, _ projection: Projection, fill: String, className: String? = nil) -> String {
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        switch shape.geometry {
        case .polygon(let ring):
            let points = ring.map(projection.point).map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
            return "<polygon\(classAttribute) points=\"\(points)\" fill=\"\(fill)\"/>"
        case .point(let at):
            let (x, y) = projection.point(at)
            return "<circle\(classAttribute) cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"\(SVG.number(Self.radius(depth: shape.depth)))\" fill=\"\(fill)\"/>"
        }
    }

    /// The shape's west and east edges on the map, and the height of its middle.
    private func labelSpan(_ shape: Shape, _ projection: Projection) -> (left: Double, right: Double, y: Double) {
        switch shape.geometry {
        case .polygon(let ring):
            let points = ring.map(projection.point)
            let xs = points.map(\.x), ys = points.map(\.y)
            return (xs.min() ?? 0, xs.max() ?? 0, ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2)
        case .point(let at):
            let (x, y) = projection.point(at)
            let radius = Self.radius(depth: shape.depth)
            return (x - radius, x + radius, y)
        }
    }

    private func patternID(_ status: Lagesbild.Status) -> String { "\(id)-hatch-\(status.rawValue)" }

    /// Lines at 45°: sparse for yellow, crossed for orange, dense and crossed for red; dark on a light
    /// colour and white on a dark one.
    private func pattern(_ status: Lagesbild.Status) -> String {
        let size = status == .red ? 5 : status == .orange ? 7 : 8
        let path = status == .yellow ? "M0 0V\(size)" : "M0 0V\(size)M0 0H\(size)"
        let ink = HTMLStyleSheet.luminance(colours[status] ?? "#ffffff") > 0.179 ? "#1a1a1a" : "#ffffff"
        return "<pattern id=\"\(patternID(status))\" width=\"\(size)\" height=\"\(size)\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<path d=\"\(path)\" stroke=\"\(ink)\" stroke-width=\"1.6\" stroke-opacity=\"0.55\"/></pattern>"
    }
}

extension SVGMap.Geometry {
    var coordinates: [SVGMap.Coordinate] {
        switch self {
        case .polygon(let ring): ring
        case .point(let at): [at]
        }
    }

    var isPoint: Bool { if case .point = self { true } else { false } }
}

extension SVGMap {
    /// Longitude and latitude onto the map: equirectangular, longitudes scaled by the cosine of the middle
    /// latitude so that distances east–west and north–south match near the kommun; north up, east right,
    /// fitted with the same scale on both axes into a view box at most `maximumWidth` × `maximumHeight`
    /// with `margin` on every side, and centred in one at least `minimumWidth` × `minimumHeight`.
    struct Projection {
        static let maximumWidth = 600.0
        static let maximumHeight = 560.0
        static let minimumWidth = 360.0
        static let minimumHeight = 200.0
        static let margin = 28.0

        /// The view box's size.
        let width: Double
        let height: Double
        private let cosine: Double
        private let west: Double
        private let north: Double
        private let scale: Double
        private let left: Double
        private let top: Double

        init(points: [Coordinate]) {
            let lats = points.map(\.lat), lons = points.map(\.lon)
            let south = lats.min() ?? 0, north = lats.max() ?? 0
            let middle = (south + north) / 2
            cosine = cos(middle * .pi / 180)
            west = lons.min() ?? 0
            self.north = north
            let spanX = ((lons.max() ?? 0) - west) * cosine, spanY = north - south
            let room = (x: Self.maximumWidth - 2 * Self.margin, y: Self.maximumHeight - 2 * Self.margin)
            if max(spanX, spanY) < 1e-9 {
                scale = 1
            } else {
                scale = min(spanX > 0 ? room.x / spanX : .infinity, spanY > 0 ? room.y / spanY : .infinity)
            }
            width = max(Self.minimumWidth, (spanX * scale + 2 * Self.margin).rounded(.up))
            height = max(Self.minimumHeight, (spanY * scale + 2 * Self.margin).rounded(.up))
            left = (width - spanX * scale) / 2
            top = (height - spanY * scale) / 2
        }

        func point(_ at: Coordinate) -> (x: Double, y: Double) {
            (left + (at.lon - west) * cosine * scale, top + (north - at.lat) * scale)
        }
    }
}
