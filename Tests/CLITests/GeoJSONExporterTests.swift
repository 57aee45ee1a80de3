import Foundation
import Testing

/// `lagesbild --format geojson` on the Tranemo fixture of `LagesbildCommandTests` (every shipped area has a
/// location, three also a boundary), and on a copy of Tranemo's file with two locations taken out.
@Suite("GeoJSON export command")
struct GeoJSONExportCommandTests {
    private var fixture: StoreFixture { LagesbildCommandTests.fixture }

    /// Compiles Tranemo's week 47 into a folder of its own.
    private func compile(_ folder: String, _ arguments: [String]) throws -> (result: CLI.Result, file: String) {
        try #require(fixture.setupError == nil, "\(fixture.setupError ?? "")")
        let out = fixture.directory.appendingPathComponent(folder)
        let result = try CLI.run(["lagesbild", "tranemo", "--period", "2026-W47", "--format", "geojson", "--store", fixture.store,
                                  "--out", out.path] + arguments)
        return (result, out.appendingPathComponent("tranemo-2026-W47.geojson").path)
    }

    @Test func tranemoMatchesItsGoldenAndEveryAreaIsOnTheMap() throws {
        let (result, file) = try compile("geojson-sv", ["--lang", "sv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == file + "\n")
        #expect(!result.stderr.contains("note:"), "\(result.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try CLI.expectGolden(text, "lagesbild-tranemo-2026-W47-sv.geojson")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == 13)
        // Tranemo, Länghem and Dalstorp have (approximate) outlines in the shipped file; the rest only a location.
        let outlined: Set = ["tranemo", "langhem", "dalstorp"]
        for feature in features {
            let id = feature["id"] as? String ?? ""
            let geometry = feature["geometry"] as? [String: Any]
            #expect(geometry?["type"] as? String == (outlined.contains(id) ? "Polygon" : "Point"), "\(id)")
            let positions = (geometry?["coordinates"] as? [[[Double]]])?.first ?? [geometry?["coordinates"] as? [Double] ?? []]
            for position in positions {
                #expect(position.count == 2 && (10...25).contains(position[0]) && (55...70).contains(position[1]), "[lon, lat] in Sweden")
            }
        }
        // Tranemo (the ort) is at lat 57.48, lon 13.35 in the kommun file, inside its outline.
        let tranemo = features.first { $0["id"] as? String == "tranemo" }?["geometry"] as? [String: Any]
        let ring = try #require((tranemo?["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.map { $0[0] }.min()! < 13.35 && 13.35 < ring.map { $0[0] }.max()!)
        #expect(ring.map { $0[1] }.min()! < 57.48 && 57.48 < ring.map { $0[1] }.max()!)
    }

    @Test func englishDiffersOnlyInStatusLabels() throws {
        let (sv, svFile) = try compile("geojson-sv-2", ["--lang", "sv"])
        let (en, enFile) = try compile("geojson-en", ["--lang", "en"])
        #expect(sv.status == 0 && en.status == 0)
        let labels = ["grön": "green", "gul": "yellow", "orange": "orange", "röd": "red"]
        var translated = try String(contentsOfFile: svFile, encoding: .utf8)
        for (swedish, english) in labels {
            translated = translated.replacingOccurrences(of: "\"status_label\": \"\(swedish)\"", with: "\"status_label\": \"\(english)\"")
        }
        #expect(try String(contentsOfFile: enFile, encoding: .utf8) == translated)
    }

    @Test func areasWithoutCoordinatesAreNamedOnStandardError() throws {
        // Tranemo's file without the locations of Uddebo and Sjötofta.
        let municipalities = fixture.directory.appendingPathComponent("municipalities-without-locations")
        try FileManager.default.createDirectory(at: municipalities, withIntermediateDirectories: true)
        var yaml = try String(contentsOf: CLI.packageRoot.appendingPathComponent("municipalities/tranemo.yaml"), encoding: .utf8)
        for line in ["    location: {lat: 57.478, lon: 13.258}\n", "    location: {lat: 57.385, lon: 13.315}\n"] {
            #expect(yaml.components(separatedBy: line).count == 2, "'\(line)' must occur once in tranemo.yaml")
            yaml = yaml.replacingOccurrences(of: line, with: "")
        }
        try Data(yaml.utf8).write(to: municipalities.appendingPathComponent("tranemo.yaml"))

        for (language, note) in [("sv", "note: geojson for tranemo: 2 områden saknar koordinater och visas inte på kartan: Uddebo, Sjötofta\n"),
                                 ("en", "note: geojson for tranemo: 2 areas have no coordinates and are not on the map: Uddebo, Sjötofta\n")] {
            let (result, file) = try compile("geojson-missing-\(language)", ["--lang", language, "--municipalities", municipalities.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == note)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            let ids = (json?["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids.count == 11)
            #expect(!ids.contains("uddebo") && !ids.contains("sjotofta"))
        }
    }
}
