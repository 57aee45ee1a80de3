import Foundation
import Testing
@testable import Platform
@testable import Plugins
import StoreTestSupport

/// The GeoJSON exporter on the made-up kommun `Fixtures/geo/exempelby.yaml`: Centrum has a clockwise, open
/// boundary and a location, Hamnen a counterclockwise, closed boundary, Torget only a location, and Skogen
/// and Bryggan no coordinates. Four reports in week 47 of 2026.
@Suite("GeoJSON exporter")
struct GeoJSONExporterTests {
    static let yaml = try! String(contentsOf: Bundle.module.url(forResource: "Fixtures/geo/exempelby", withExtension: "yaml")!, encoding: .utf8)

    let directory: TemporaryDirectory
    let config: KommunConfig

    init() throws {
        directory = try TemporaryDirectory()
        let loaded = KommunConfigLoader().decode(Self.yaml, file: "exempelby.yaml")
        #expect(loaded.diagnostics.map(\.headline) == [])
        config = try #require(loaded.config)
    }

    private func lagesbild(_ language: Language, store kind: StoreKind, reports: String = """
        2026-11-17,polisen,centrum,klotter,3,,,,,,r1
        2026-11-18,polisen,centrum,skadegorelse,1,,,,,,r2
        2026-11-18,ksf,centrum,otrygg-plats,2,,,,,,r3
        2026-11-19,polisen,torget,klotter,1,,,,,,r4

        """) throws -> Lagesbild {
        let fresh = try FreshStore(kind)
        let file = try directory.write("reports.csv", ReportIngestTests.header + reports)
        let results = try ReportIngestor(config: config, options: .init(), privacy: .refuse,
                                         today: ReportIngestTests.today).ingest([file], store: { try fresh.open() })
        #expect(results.flatMap(\.diagnostics).isEmpty)
        return try LagesbildCompiler(config: config, store: fresh.open()).compile(period: Period("2026-W47")!, language: language)
    }

    private func export(_ lagesbild: Lagesbild, _ language: Language) throws -> (text: String, json: [String: Any]) {
        let data = try GeoJSONExporter().export(lagesbild, options: ExportOptions(language: language))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (String(decoding: data, as: UTF8.self), json)
    }

    private static func features(_ json: [String: Any]) -> [[String: Any]] {
        json["features"] as? [[String: Any]] ?? []
    }

    private static func feature(_ id: String, in json: [String: Any]) throws -> [String: Any] {
        try #require(features(json).first { $0["id"] as? String == id }, "no feature \(id)")
    }

    /// `[[lon, lat], …]` of a Polygon's exterior ring.
    private static func exteriorRing(_ feature: [String: Any]) throws -> [[Double]] {
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Polygon")
        let rings = try #require(geometry["coordinates"] as? [[[Double]]])
        #expect(rings.count == 1)
        return try #require(rings.first)
    }

    /// Twice the signed area by the shoelace formula, lon as x and lat as y: positive when counterclockwise.
    private static func shoelace(_ ring: [[Double]]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] }
    }

    @Test(arguments: StoreKind.tested) func theBoundaryReachesTheModelInGeoJSONOrder(_ kind: StoreKind) throws {
        let lagesbild = try lagesbild(.sv, store: kind)
        #expect(lagesbild.area("centrum")?.boundary == [[11.90, 58.36], [11.92, 58.36], [11.92, 58.35], [11.90, 58.35], [11.90, 58.36]])
        #expect(lagesbild.area("hamnen")?.boundary?.count == 4)
        #expect(lagesbild.area("torget")?.boundary == nil)
        // Left out of the JSON when there is none.
        let json = String(decoding: try JSONExporter().export(lagesbild, options: ExportOptions(language: .sv)), as: UTF8.self)
        #expect(json.components(separatedBy: "\"boundary\"").count == 3)
    }

    @Test(arguments: StoreKind.tested) func aClockwiseBoundaryBecomesAClosedCounterclockwisePolygonInLonLatOrder(_ kind: StoreKind) throws {
        let (_, json) = try export(try lagesbild(.sv, store: kind), .sv)
        #expect(json["type"] as? String == "FeatureCollection")
        #expect(json["crs"] == nil)
        #expect(Self.features(json).map { $0["id"] as? String } == ["centrum", "hamnen", "torget"])

        // Given clockwise and open (north-west, north-east, south-east, south-west): reversed and closed.
        let centrum = try Self.exteriorRing(Self.feature("centrum", in: json))
        #expect(centrum == [[11.90, 58.36], [11.90, 58.35], [11.92, 58.35], [11.92, 58.36], [11.90, 58.36]])
        #expect(centrum.first == centrum.last)
        #expect(Self.shoelace(centrum) > 0)
        // Given counterclockwise and closed: kept, with at most 6 decimals.
        let hamnen = try Self.exteriorRing(Self.feature("hamnen", in: json))
        #expect(hamnen == [[11.905, 58.352], [11.912, 58.352], [11.910123, 58.356], [11.905, 58.352]])
        #expect(Self.shoelace(hamnen) > 0)
        for ring in [centrum, hamnen] {
            #expect(ring.allSatisfy { (10...25).contains($0[0]) && (55...70).contains($0[1]) }, "[lon, lat] in Sweden")
        }

        // Only a location: a Point, [lon, lat].
        let torget = try #require(Self.feature("torget", in: json)["geometry"] as? [String: Any])
        #expect(torget["type"] as? String == "Point")
        #expect(torget["coordinates"] as? [Double] == [11.9142, 58.3555])

        #expect(json["bbox"] as? [Double] == [11.90, 58.35, 11.92, 58.36])
    }

    @Test(arguments: StoreKind.tested) func propertiesAreFlatWithThePeriodsFigures(_ kind: StoreKind) throws {
        let lagesbild = try lagesbild(.sv, store: kind)
        let (text, json) = try export(lagesbild, .sv)
        let centrum = try #require(try Self.feature("centrum", in: json)["properties"] as? [String: Any])
        #expect(centrum["id"] as? String == "centrum")
        #expect(centrum["name"] as? String == "Centrum")
        #expect(centrum["kind"] as? String == "ort")
        #expect(centrum["parent"] is NSNull)
        #expect(centrum["kommun"] as? String == "exempelby")
        #expect(centrum["period"] as? String == "2026-W47")
        // 3 × 1 (klotter) + 1 × 2 (skadegörelse, weight 2) + 2 × 1 (otrygg plats, a level).
        #expect(centrum["score"] as? Double == 7)
        #expect(centrum["rank"] as? Int == 1)
        // Events count the count indicators only.
        #expect(centrum["events"] as? Int == 4)
        #expect(centrum["klotter"] as? Int == 3)
        #expect(centrum["skadegorelse"] as? Int == 1)
        #expect(centrum["otrygg-plats"] as? Int == 2)
        #expect(centrum["otrygg-plats_status"] as? String == "orange")
        let worst = lagesbild.cells.filter { $0.area == "centrum" }.map(\.status).max()
        #expect(worst != .green)
        #expect(centrum["status"] as? String == worst?.rawValue)
        #expect(centrum["status_label"] as? String == worst?.label(.sv))
        for indicator in ["klotter", "skadegorelse"] {
            #expect(centrum["\(indicator)_status"] as? String == lagesbild.cells.first { $0.area == "centrum" && $0.indicator == indicator }?.status.rawValue)
        }

        let hamnen = try #require(try Self.feature("hamnen", in: json)["properties"] as? [String: Any])
        #expect(hamnen["parent"] as? String == "centrum")
        #expect(hamnen["events"] as? Int == 0)
        #expect(hamnen["status"] as? String == "green")
        #expect(hamnen["status_label"] as? String == "grön")
        let torget = try #require(try Self.feature("torget", in: json)["properties"] as? [String: Any])
        #expect(torget["rank"] as? Int == 2)

        // Every feature has the same columns in the same order.
        let expectedKeys = GeoJSONExporter.fixedProperties + ["klotter", "klotter_status", "skadegorelse", "skadegorelse_status",
                                                              "otrygg-plats", "otrygg-plats_status"]
        for feature in Self.features(json) {
            #expect(Set((feature["properties"] as? [String: Any] ?? [:]).keys) == Set(expectedKeys))
        }
        let order = expectedKeys.map { text.range(of: "\"\($0)\": ")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // The score is always written with a decimal point, so that GIS tools type the column as real.
        #expect(text.contains("\"score\": 7.0,"))
        #expect(text.contains("\"score\": 0.0,"))
    }

    @Test(arguments: StoreKind.tested) func theOutputIsTheSameEveryTimeAndHasNoCRS(_ kind: StoreKind) throws {
        let lagesbild = try lagesbild(.en, store: kind)
        let first = try export(lagesbild, .en).text
        #expect(try export(lagesbild, .en).text == first)
        #expect(!first.contains("\"crs\""))
        #expect(first.hasPrefix("{\n  \"type\": \"FeatureCollection\",\n  \"bbox\": [11.9, 58.35, 11.92, 58.36],\n  \"features\": [\n"))
        #expect(first.hasSuffix("}\n"))
        #expect(first.contains("\"status_label\": \"green\""))
    }

    @Test(arguments: StoreKind.tested) func areasWithoutCoordinatesAreNamedInANotice(_ kind: StoreKind) throws {
        let lagesbild = try lagesbild(.sv, store: kind)
        #expect(GeoJSONExporter().notices(for: lagesbild, options: ExportOptions(language: .sv))
            == ["2 områden saknar koordinater och visas inte på kartan: Skogen, Bryggan"])
        #expect(GeoJSONExporter().notices(for: lagesbild, options: ExportOptions(language: .en))
            == ["2 areas have no coordinates and are not on the map: Skogen, Bryggan"])

        var one = lagesbild
        one.areas.removeAll { $0.id == "bryggan" }
        #expect(GeoJSONExporter().notices(for: one, options: ExportOptions(language: .en))
            == ["1 area has no coordinates and is not on the map: Skogen"])
        one.areas.removeAll { $0.id == "skogen" }
        #expect(GeoJSONExporter().notices(for: one, options: ExportOptions(language: .en)) == [])
    }

    @Test(arguments: StoreKind.tested) func aBoundaryThatEnclosesNothingFallsBackToThePoint(_ kind: StoreKind) throws {
        var lagesbild = try lagesbild(.en, store: kind)
        let index = try #require(lagesbild.areas.firstIndex { $0.id == "centrum" })
        // Distinct in the model, but one line once rounded to 6 decimals.
        lagesbild.areas[index].boundary = [[11.9, 58.36], [11.9000000001, 58.3600000001], [11.9000000002, 58.36], [11.9, 58.36]]
        let (_, json) = try export(lagesbild, .en)
        let geometry = try #require(try Self.feature("centrum", in: json)["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        #expect(geometry["coordinates"] as? [Double] == [11.91, 58.355])
    }

    @Test func anIndicatorNamedLikeAFixedPropertyIsPrefixed() {
        #expect(GeoJSONExporter.propertyName(forIndicator: "klotter") == "klotter")
        #expect(GeoJSONExporter.propertyName(forIndicator: "score") == "indicator_score")
        #expect(GeoJSONExporter.propertyName(forIndicator: "status") == "indicator_status")
    }

    @Test func numbersAndTextsAreValidJSON() {
        #expect(JSONValue.format(3) == "3")
        #expect(JSONValue.format(-0.0) == "0")
        #expect(JSONValue.format(11.9101234567) == "11.910123")
        #expect(JSONValue.format(0.1 + 0.2) == "0.3")
        #expect(JSONValue.format(.nan) == "null")
        #expect(JSONValue.quoted("Å \"x\"\\\n\u{1}") == #""Å \"x\"\\\n\u0001""#)
    }
}
