import Foundation
import Testing
@testable import Platform
@testable import Plugins

/// The HTML lägesbild's map: the projection on its own, then the page's map section read back with
/// Foundation's XML parser on the made-up kommun `Fixtures/geo/exempelby.yaml` (Centrum and Hamnen with
/// boundaries, Torget with a location, Skogen and Bryggan with neither), on Tranemo's shipped file, and on
/// a kommun without any coordinates.
@Suite("HTML map")
struct HTMLMapTests {
    typealias Coordinate = SVGMap.Coordinate

    // MARK: Projection

    /// Lysekil's corners and middle.
    private static let points = [Coordinate(lat: 58.21, lon: 11.40), Coordinate(lat: 58.38, lon: 11.49), Coordinate(lat: 58.27, lon: 11.43)]

    @Test func everyPointLandsInsideTheViewBoxWithinTheMargin() {
        let projection = SVGMap.Projection(points: Self.points)
        let margin = SVGMap.Projection.margin
        for point in Self.points {
            let (x, y) = projection.point(point)
            #expect((margin - 0.001)...(projection.width - margin + 0.001) ~= x, "x \(x) of \(point)")
            #expect((margin - 0.001)...(projection.height - margin + 0.001) ~= y, "y \(y) of \(point)")
        }
        #expect(projection.width <= SVGMap.Projection.maximumWidth && projection.height <= SVGMap.Projection.maximumHeight)
        // Fitted: the taller extent fills the height between the margins.
        let ys = Self.points.map { projection.point($0).y }
        #expect(abs(ys.max()! - ys.min()! - (projection.height - 2 * margin)) < 1)
    }

    @Test func northIsUpAndEastIsRight() {
        let projection = SVGMap.Projection(points: Self.points)
        let middle = projection.point(Coordinate(lat: 58.27, lon: 11.43))
        let north = projection.point(Coordinate(lat: 58.28, lon: 11.43))
        let east = projection.point(Coordinate(lat: 58.27, lon: 11.44))
        #expect(north.y < middle.y && north.x == middle.x)
        #expect(east.x > middle.x && east.y == middle.y)
    }

    @Test func oneKilometreIsAsLongEastAsNorth() {
        let projection = SVGMap.Projection(points: Self.points)
        // 0.01° of latitude, and the longitude that spans as many metres at the map's middle latitude.
        let middleLatitude = (58.21 + 58.38) / 2
        let origin = projection.point(Coordinate(lat: 58.27, lon: 11.43))
        let north = projection.point(Coordinate(lat: 58.28, lon: 11.43))
        let east = projection.point(Coordinate(lat: 58.27, lon: 11.43 + 0.01 / cos(middleLatitude * .pi / 180)))
        #expect(abs((origin.y - north.y) - (east.x - origin.x)) < 1e-9)
        #expect(origin.y - north.y > 10)
    }

    @Test func aWideKommunIsFittedToTheWidthAndCentredInHeight() {
        let points = [Coordinate(lat: 57.50, lon: 13.20), Coordinate(lat: 57.52, lon: 13.70)]
        let projection = SVGMap.Projection(points: points)
        let (west, east) = (projection.point(points[0]), projection.point(points[1]))
        #expect(projection.width == SVGMap.Projection.maximumWidth)
        #expect(abs(east.x - west.x - (projection.width - 2 * SVGMap.Projection.margin)) < 0.001)
        #expect(projection.height == SVGMap.Projection.minimumHeight)
        #expect(abs((west.y + east.y) / 2 - projection.height / 2) < 0.001)
    }

    @Test func aSinglePointIsInTheMiddle() {
        let projection = SVGMap.Projection(points: [Coordinate(lat: 58.27, lon: 11.43)])
        let point = projection.point(Coordinate(lat: 58.27, lon: 11.43))
        #expect(point.x == projection.width / 2 && point.y == projection.height / 2)
    }

    // MARK: The page

    private static func html(_ lagesbild: Lagesbild, _ language: Language) throws -> String {
        String(decoding: try HTMLExporter().export(lagesbild, options: ExportOptions(language: language)), as: UTF8.self)
    }

    /// The map section, read back: the `<section id="map">` element.
    private static func mapSection(_ html: String) throws -> XMLTree {
        let start = try #require(html.range(of: "<section id=\"map\""), "no map section")
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return try XMLTree.parse(String(html[start.lowerBound..<end.upperBound]))
    }

    /// Exempelby's week 47 without reports, with Torget raised to orange and a hotspot there.
    private static func exempelby(_ language: Language) throws -> Lagesbild {
        let loaded = KommunConfigLoader().decode(GeoJSONExporterTests.yaml, file: "exempelby.yaml")
        let config = try #require(loaded.config)
        var lagesbild = try LagesbildCompiler(config: config, store: nil).compile(period: Period("2026-W47")!, language: language)
        let torget = try #require(lagesbild.areaStatuses.firstIndex { $0.area == "torget" })
        lagesbild.areaStatuses[torget].status = .orange
        lagesbild.hotspots = [Lagesbild.Hotspot(area: "torget", areaName: "Torget", indicator: "klotter", indicatorName: "Klotter",
                                                value: 6, baseline: 0.5, pValue: 0.0001, adjustedPValue: 0.001)]
        return lagesbild
    }

    /// Each area with coordinates has a shape filled with its status colour, and the table beside the map
    /// names every area with its status word: checked for every area the lägesbild has.
    private static func expectMapMatches(_ lagesbild: Lagesbild, _ html: String) throws {
        let section = try mapSection(html)
        let colours = Dictionary(uniqueKeysWithValues: lagesbild.statusScale.map { ($0.status, $0.colour) })
        let groups = Dictionary(uniqueKeysWithValues: section.elements("g").compactMap { group in group.attributes["id"].map { ($0, group) } })
        let rows = section.elements("tbody").flatMap { $0.elements("tr") }
        #expect(rows.count == lagesbild.areas.count)
        for area in lagesbild.areas {
            let status = lagesbild.areaStatus(area.id)?.status ?? .green
            let word = lagesbild.statusName(status)
            if area.boundary != nil || area.lat != nil {
                let group = try #require(groups["map-area-\(area.id)"], "no shape for \(area.id)")
                let shape = try #require(group.children.first { $0.name == (area.boundary != nil ? "polygon" : "circle") })
                #expect(shape.attributes["fill"] == colours[status], "\(area.id)")
                #expect(group.elements("title").first?.text == "\(area.name): \(word)")
            } else {
                #expect(groups["map-area-\(area.id)"] == nil, "\(area.id) has no coordinates")
            }
            let row = try #require(rows.first { $0.children.first?.text == area.name }, "no row for \(area.id)")
            #expect(row.children[1].text.contains(word), "\(area.id): \(row.children[1].text)")
        }
    }

    @Test(arguments: Language.allCases)
    func eachAreaHasItsStatusColourOnTheMapAndItsStatusWordInTheTable(language: Language) throws {
        let lagesbild = try Self.exempelby(language)
        let html = try Self.html(lagesbild, language)
        try Self.expectMapMatches(lagesbild, html)
        let section = try Self.mapSection(html)
        // Polygons for the boundaries, a circle for Torget, Hamnen over Centrum, then the point on top.
        let shapes = section.elements("g").filter { $0.attributes["class"] == "area" }
        #expect(shapes.map { $0.attributes["id"] } == ["map-area-centrum", "map-area-hamnen", "map-area-torget"])
        // Above green the shape is hatched too; green is not.
        #expect(shapes[2].children.filter { $0.name != "title" }.map { $0.attributes["fill"] } == [lagesbild.statusScale[2].colour, "url(#map-title-hatch-orange)"])
        #expect(shapes[0].children.filter { $0.name == "polygon" }.count == 1)
        let hotspot = try #require(section.elements("g").first { $0.attributes["class"] == "hotspot" })
        #expect(hotspot.elements("title").first?.text == "Hotspot, Torget: \(lagesbild.indicatorName("klotter")) 6 (\(language.pick("baslinje", "baseline")) 0\(language.pick(",", "."))5)")
        let svg = try #require(section.elements("svg").first)
        #expect(svg.attributes["role"] == "img")
        #expect(svg.elements("title").first?.attributes["id"] == svg.attributes["aria-labelledby"])
        // Only the top-level area is named on the map; areas without coordinates are in the table only.
        #expect(section.elements("text").filter { $0.attributes["class"] == "label" }.map(\.text) == ["Centrum"])
        let rows = section.elements("tbody").flatMap { $0.elements("tr") }
        #expect(rows.map { $0.children[3].text } == language.pick(["yta", "yta", "punkt", "saknas", "saknas"],
                                                                   ["shape", "shape", "dot", "not on the map", "not on the map"]))
        #expect(section.elements("h2").first?.text == language.pick("Karta", "Map"))
        #expect(section.elements("th").prefix(4).map(\.text) == language.pick(["Område", "Status", "Hotspots", "På kartan"],
                                                                               ["Area", "Status", "Hotspots", "On the map"]))
        #expect(section.elements("figcaption").first?.text.hasPrefix(language.pick("Teckenförklaring", "Legend")) == true)
        #expect(html.contains("<li><a href=\"#map\">\(language.pick("Karta", "Map"))</a></li>"))
    }

    @Test func theKommunsOwnColoursFillTheShapes() throws {
        var lagesbild = try Self.exempelby(.sv)
        lagesbild.statusScale[2].colour = "#7b2d8e"
        lagesbild.statusScale[0].colour = "#d8ecf7"
        let html = try Self.html(lagesbild, .sv)
        try Self.expectMapMatches(lagesbild, html)
        // A dark colour takes white hatching, in the map and in its legend.
        #expect(html.contains("stroke=\"#ffffff\" stroke-width=\"1.6\" stroke-opacity=\"0.55\"/></pattern>"))
        #expect(html.contains(".map-key .hatch-orange { background-image: repeating-linear-gradient(45deg, rgba(255, 255, 255, 0.55) 0,"))
    }

    @Test func tranemosShippedFileGivesPolygonsAndPoints() throws {
        let loaded = KommunConfigLoader().load(path: ShippedKommunFilesTests.root.appendingPathComponent("municipalities/tranemo.yaml").path)
        let config = try #require(loaded.config)
        let lagesbild = try LagesbildCompiler(config: config, store: nil).compile(period: Period("2026-W47")!, language: .sv)
        let html = try Self.html(lagesbild, .sv)
        try Self.expectMapMatches(lagesbild, html)
        let section = try Self.mapSection(html)
        let polygons = section.elements("g").filter { $0.children.contains { $0.name == "polygon" } && $0.attributes["class"] == "area" }
        #expect(polygons.map { $0.attributes["id"] } == ["map-area-tranemo", "map-area-langhem", "map-area-dalstorp"])
        #expect(section.elements("circle").count == lagesbild.areas.count - 3)
    }

    @Test func aKommunWithoutCoordinatesHasNoMap() throws {
        let yaml = KommunConfigDecodingTests.minimal
        let line = "    location: {lat: 58.27, lon: 11.43}\n"
        #expect(yaml.components(separatedBy: line).count == 2, "the minimal file has one location")
        let config = try #require(KommunConfigLoader().decode(yaml.replacingOccurrences(of: line, with: ""), file: "exempel.yaml").config)
        let lagesbild = try LagesbildCompiler(config: config, store: nil).compile(period: Period("2026-W47")!, language: .sv)
        #expect(lagesbild.areas.allSatisfy { $0.lat == nil && $0.boundary == nil })
        let html = try Self.html(lagesbild, .sv)
        #expect(!html.contains("id=\"map\""))
        #expect(!html.contains("href=\"#map\""))
        #expect(!html.contains("class=\"map\""))
        #expect(!html.contains("map-layout\">"))
        // With the location kept, the same kommun has a map.
        let located = try #require(KommunConfigLoader().decode(yaml, file: "exempel.yaml").config)
        let withMap = try Self.html(try LagesbildCompiler(config: located, store: nil).compile(period: Period("2026-W47")!, language: .sv), .sv)
        #expect(withMap.contains("<section id=\"map\""))
    }
}
