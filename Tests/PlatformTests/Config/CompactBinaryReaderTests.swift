import Crypto
import Foundation
import Testing
@testable import Platform

/// The hand-written readers of the configuration cache read exactly what `CompactBinaryEncoder` writes for
/// every kommun file and every member of the model, refuse a member they do not read, and never read past the
/// end of damaged bytes.
@Suite("Compact binary reader")
struct CompactBinaryReaderTests {
    /// The shipped kommun files and the kommun files among the test fixtures (those without a diagnostic).
    static let kommunFiles: [String] = {
        let fixtures = ShippedKommunFilesTests.root.appendingPathComponent("Tests/PlatformTests/Fixtures").path
        let files = KommunConfigCacheTests.shippedFiles + ((try? KommunCatalog.yamlFiles(in: fixtures, recursive: true)) ?? [])
        return files.filter { KommunConfigLoader().load(path: $0).diagnostics.isEmpty }
    }()

    /// `config` written by the encoder and read back.
    private func readBack(_ config: KommunConfig) throws -> KommunConfig {
        try CompactBinaryReader.read(KommunConfig.self, from: CompactBinaryEncoder.encode(config)[...])
    }

    @Test func everyKommunFileReadsBackEqual() throws {
        #expect(Self.kommunFiles.count >= KommunConfigCacheTests.shippedFiles.count + 2)
        for file in Self.kommunFiles {
            let config = try #require(KommunConfigLoader().load(path: file).config, "\(file)")
            #expect(try readBack(config) == config, "\(file)")
        }
    }

    /// A kommun file that sets every optional member of the model somewhere (checked by walking the decoded
    /// configuration) and uses every case with associated values.
    @Test func everyOptionalMemberAndCaseReadsBack() throws {
        let loaded = KommunConfigLoader().decode(Self.everything, file: "allt.yaml")
        #expect(loaded.diagnostics == [])
        let config = try #require(loaded.config)
        var walk = ModelWalk()
        walk.visit(config)
        #expect(walk.optionalMembers >= 60 && walk.optionalsNeverSet == [])
        #expect(walk.cases == ["Rule.every", "Rule.timesPerYear", "Rule.rrule", "Timing.within", "Timing.after"])
        #expect(Set(config.lagesbilder.map(\.period.unit)) == [.week, .month])
        #expect(try readBack(config) == config)
    }

    /// A reader that leaves a member unread (as one would that was not told of a new member) fails the value.
    @Test func aMemberLeftOverOrMissingThrows() throws {
        struct Point: Encodable { var lat = 58.27, lon = 11.43 }
        struct PointWithHeight: Encodable { var lat = 58.27, lon = 11.43, height = 12.0 }
        struct PointWithoutLon: Encodable { var lat = 58.27 }
        let point = try CompactBinaryReader.read(Area.Location.self, from: CompactBinaryEncoder.encode(Point())[...])
        #expect(point == Area.Location(lat: 58.27, lon: 11.43))
        for bytes in [try CompactBinaryEncoder.encode(PointWithHeight()), try CompactBinaryEncoder.encode(PointWithoutLon())] {
            #expect(throws: CompactBinary.Corrupt.self) { try CompactBinaryReader.read(Area.Location.self, from: bytes[...]) }
        }
        let config = try #require(KommunConfigLoader().load(path: Self.kommunFiles[0]).config)
        var bytes = try CompactBinaryEncoder.encode(config)
        bytes.append(CompactBinary.Tag.null.rawValue)
        #expect(throws: CompactBinary.Corrupt.self) { try CompactBinaryReader.read(KommunConfig.self, from: bytes[...]) }
    }

    /// A real entry cut at every length throws; with single bytes changed it throws or reads as some value,
    /// never past its end, and the cache, whose checksum fails, reads the file's YAML instead.
    @Test func damagedBytesNeverReadPastTheirEnd() throws {
        let file = try #require(KommunConfigCacheTests.shippedFiles.first { $0.hasSuffix("/tranemo.yaml") })
        let config = try #require(KommunConfigLoader().load(path: file).config)
        let bytes = try CompactBinaryEncoder.encode(config)
        for length in 0..<bytes.count {
            #expect(throws: CompactBinary.Corrupt.self) { try CompactBinaryReader.read(KommunConfig.self, from: bytes[..<length]) }
        }
        var readable: [(index: Int, mask: UInt8)] = [], refused: [(index: Int, mask: UInt8)] = []
        for index in stride(from: 0, to: bytes.count, by: 3) {
            for mask: UInt8 in [0x01, 0x5A, 0x80] {
                var changed = bytes
                changed[index] ^= mask
                if (try? CompactBinaryReader.read(KommunConfig.self, from: changed[...])) != nil {
                    readable.append((index, mask))
                } else {
                    refused.append((index, mask))
                }
            }
        }
        // A change in a string's text reads as another text; one in a tag, a length or a key breaks the value.
        #expect(!readable.isEmpty && !refused.isEmpty)

        let folder = try TemporaryDirectory()
        let cache = try #require(KommunConfigCache(directory: folder.path("cache")))
        let loader = KommunConfigLoader(cache: cache)
        let digest = Array(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: file))))
        let entry = try #require(KommunConfigCache.entry(for: config, key: cache.key(for: loader), digest: digest))
        let payloadStart = entry.count - SHA256.byteCount - bytes.count
        for change in readable.prefix(20) + refused.prefix(20) {
            var damaged = entry
            damaged[payloadStart + change.index] ^= change.mask
            try Data(damaged).write(to: URL(fileURLWithPath: cache.entryPath(digest)))
            #expect(loader.load(path: file).config == config)
        }
    }

    /// Every scalar the model uses, at its extremes, and the containers around them.
    @Test func scalarsAndContainersReadBack() throws {
        struct Sample: Encodable, CompactReadable, Equatable {
            var text = "å ä ö 🦔"
            var empty = ""
            var numbers = [0, -1, 1, .max, .min, 300]
            var reals = [-0.1, 0, .infinity, -.greatestFiniteMagnitude, .leastNonzeroMagnitude]
            var flags = [true, false]
            var missing: String?
            var present: Int? = 7
            var nested: [[Double]] = [[], [1, 2]]
            var table: [Lagesbild.Status: Int] = [.red: 3, .green: 0]

            init() {}

            init(compact reader: inout CompactBinaryReader) throws {
                self = try reader.object { r in
                    var sample = Sample()
                    sample.text = try r.member("text")
                    sample.empty = try r.member("empty")
                    sample.numbers = try r.member("numbers")
                    sample.reals = try r.member("reals")
                    sample.flags = try r.member("flags")
                    sample.missing = try r.optionalMember("missing")
                    sample.present = try r.optionalMember("present")
                    sample.nested = try r.member("nested")
                    sample.table = try r.member("table")
                    return sample
                }
            }
        }
        var sample = Sample()
        #expect(try CompactBinaryReader.read(Sample.self, from: CompactBinaryEncoder.encode(sample)[...]) == sample)
        sample.present = nil
        sample.missing = "x"
        #expect(try CompactBinaryReader.read(Sample.self, from: CompactBinaryEncoder.encode(sample)[...]) == sample)
    }

    /// A kommun file that sets every optional member and uses every case with associated values.
    static let everything = """
        schemaVersion: 1
        kommun:
          id: allt
          name: Allt kommun
          lan: Exempel län
          code: "9999"
          seat: Alltstad
          timeZone: Europe/Stockholm
          language: en
          policeArea: LPO Allt
          secondFactor: coordinators
          sources:
            - {title: Program, url: "https://example.org/program.pdf", date: "2024-05-01"}
        organisations:
          - {id: ksf, name: Kommunstyrelseförvaltningen, kind: kommun-office}
          - {id: enhet, name: Trygghetsenheten, kind: unit, partOf: ksf}
          - {id: polisen, name: Polismyndigheten, kind: police}
        organisation:
          coordination:
            responsible: ksf
            description: Samordnar arbetet
            roles: [samordnare]
          roles:
            - {id: samordnare, title: Samordnare, organisation: ksf, description: Leder arbetet}
          bodies:
            - id: styrgrupp
              name: Styrgrupp
              shortName: SG
              kind: steering-group
              purpose: Styr
              tasks: [Beslutar]
              area: centrum
              notes: Anteckning
              members:
                - {role: Kommunchef, organisation: ksf, chair: true, convener: true, attendance: as-needed, count: 2}
              relations:
                - {kind: decides-for, to: team, about: Prioriteringar}
              cadence:
                frequency: monthly
                interval: 2
                weekday: tuesday
                week: second
                start: 2026-01-05
                time: "09:00"
                duration: 2h
                holidays: skip
                note: Varannan månad
            - id: team
              name: Trygghetsteam
              kind: team
              cadence: {timesPerYear: 2, months: [3, 9], weekday: monday}
        reporters:
          - {organisation: polisen, contact: Kommunpolis, areas: [centrum]}
          - {organisation: enhet, source: statistics}
        areas:
          - id: centrum
            name: Centrum
            kind: ort
            scbCode: "9999R001"
            location: {lat: 58.27, lon: 11.43}
            boundary: [[58.27, 11.43], [58.28, 11.44], [58.26, 11.45]]
            aliases: [Stan]
            areas:
              - {id: torget, name: Torget, kind: place}
        checklist:
          version: "2"
          categories:
            - {id: ordning, name: {sv: Ordning, en: Order}, description: Ordningsstörningar}
          indicators:
            - {id: klotter, name: Klotter, category: ordning, measure: count, description: Klotter på väggar, weight: 2}
            - id: otrygg-plats
              name: Otrygg plats
              category: ordning
              measure: level
              scale: {min: 0, max: 3, labels: [Ingen, Låg, Mellan, Hög]}
              statusLevels: {yellow: 1, orange: 2, red: 3}
        activities:
          - id: vandring
            name: Trygghetsvandring
            kind: safety-walk
            purpose: Se orten
            organiser: team
            area: centrum
            notes: Vår och höst
            participants:
              - {role: Samordnare, organisation: ksf}
            cadence: {rrule: "FREQ=YEARLY;BYMONTH=5", time: "18:00", duration: half-day}
            agenda:
              - {time: "18:00", item: Samling}
              - {item: Vandring}
            followUps:
              - {activity: mote, description: Återkoppling, within: 1 month}
              - {description: Uppföljning, after: 6 months}
            rotation: {over: ort, period: mandate, atLeast: 2}
          - {id: mote, name: Trygghetsmöte, kind: safety-meeting}
        lagesbild:
          - id: veckobild
            name: Veckobild
            area: centrum
            period: {kind: two-weeks, start: 2026-01-05}
            compiledBy: team
            analysedBy: styrgrupp
            readBy: styrgrupp
            channel: e-post
            steps: [Sammanställ]
            feedback:
              - {from: team, to: reporters, about: Veckans bild}
            priorities:
              period: month
              areas: 1
              proposedBy: team
              decidedBy: styrgrupp
              weights: {volume: 1, trend: 2, severity: 0.5}
            status:
              yellow: {ratio: 1.1, minExcess: 1}
              orange: {ratio: 1.6, minExcess: 2}
              red: {ratio: 3, minExcess: 5}
              scale:
                orange: {name: {sv: Oro, en: Concern}, colour: "#f0913a"}
                red: {name: Allvar}
              levels: {yellow: 1, orange: 2, red: 3}
              areas:
                worstCell: false
                rules:
                  - {status: red, yellow: 3, orange: 2, red: 1}
                score: {yellow: 1.5, orange: 3, red: 6}
          - {id: manadsbild, period: month, compiledBy: team}
        escalations:
          - id: oro
            name: Social oro
            description: Förstärkt läge
            changes:
              - {target: team, cadence: {frequency: weekly, weekday: friday}, note: Varje vecka}
        focusAreas:
          - {id: fokus, name: Fokus, description: Trygga platser, decidedBy: styrgrupp, year: 2025}
        activityLists:
          - id: lista
            name: Aktivitetslista
            origin: Medborgardialog
            followedUpBy: [styrgrupp]
            items:
              - {id: belysning, name: Belysning, status: ongoing, area: torget}
        """
}

/// Walks a configuration by reflection: which optional members (by type and name) are nil wherever they
/// occur, and which enum cases with associated values occur.
private struct ModelWalk {
    private var optionals: [String: Bool] = [:]
    private(set) var cases: Set<String> = []

    var optionalMembers: Int { optionals.count }
    var optionalsNeverSet: [String] { optionals.filter { !$0.value }.map(\.key).sorted() }

    mutating func visit(_ value: Any) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label {
            cases.insert("\(type(of: value)).\(label)")
        }
        for child in mirror.children {
            let childMirror = Mirror(reflecting: child.value)
            if mirror.displayStyle == .struct, let label = child.label, childMirror.displayStyle == .optional {
                let key = "\(type(of: value)).\(label)"
                optionals[key] = optionals[key, default: false] || !childMirror.children.isEmpty
            }
            visit(child.value)
        }
    }
}
