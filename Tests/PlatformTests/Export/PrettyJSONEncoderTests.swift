import Foundation
import Testing
@testable import Platform

/// `PrettyJSONEncoder` writes the bytes Foundation's `JSONEncoder` writes with the lägesbild's options, on
/// hostile strings, edge numbers, every container shape, and the lägesbilder of the goldens; and what it
/// writes reads back the same with `JSONSerialization`, a parser of its own.
@Suite("Pretty JSON encoder")
struct PrettyJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func expectSameBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try PrettyJSONEncoder.encode(value)
        let theirs = try foundation(value)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(ours == theirs, sourceLocation: sourceLocation)
    }

    /// Every byte below 0x20, DEL, quotes, backslashes, slashes, Swedish letters, emoji outside the BMP,
    /// a quote under a combining accent, the line and paragraph separators, a byte-order mark and a zero
    /// width space (inside the text: `JSONSerialization` drops a string's leading byte-order mark), and HTML
    /// that must stay text.
    static let hostileStrings: [String] = [
        "", " ", "\"", "\\", "/", "\\/", "\"\\\"", "</script>", "a/b//c", "https://example.se/väg?x=1&y=2",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}", "tab\there\nnewline\r\nCRLF\u{8}\u{C}",
        "Åsa Öberg i Ängelholm: ÅÄÖ åäö é ü", "🚨 larm 👮🏽‍♀️ 🇸🇪", "\"\u{301} onmouseover=x", "line\u{2028}para\u{2029}end",
        "nul\u{0}inside", "mid\u{FEFF}bom\u{200B}", "'single' & <b>", String(repeating: "x\"", count: 200),
    ]

    struct Hostile: Codable {
        var text: String
        var optional: String?
        var list: [String]
        var keyed: [String: String]
    }

    @Test func hostileStringsAreEscapedAsJSONEncoderEscapesThem() throws {
        for text in Self.hostileStrings {
            let value = Hostile(text: text, optional: text, list: [text, text], keyed: [text: text])
            try Self.expectSameBytes(value)
            try Self.expectSameBytes(text)
            let parsed = try #require(try JSONSerialization.jsonObject(with: PrettyJSONEncoder.encode(value)) as? [String: Any])
            #expect(parsed["text"] as? String == text)
            #expect(parsed["list"] as? [String] == [text, text])
            #expect(parsed["keyed"] as? [String: String] == [text: text])
        }
    }

    struct Numbers: Codable {
        var doubles: [Double]
        var optionals: [Double?]
        var floats: [Float]
        var ints: [Int]
        var small: [Int8]
        var unsigned: [UInt64]
        var flag: Bool
        @NullWhenNoData var missing: Double?
        @NullWhenNoData var present: Double?
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, -0.0, 1, -1, 1.5, 0.1, 2.675, 1.0 / 3, 1e-7, 1e15, 1e16, 1e21, 123_456_789.123, -2.5e-300,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, .pi, 58.36, 11.9]
        let value = Numbers(doubles: doubles, optionals: [nil, 1, nil, 2.5], floats: [0, 1.5, 0.1, 3.4e38, 1e-7],
                            ints: [0, -1, .min, .max], small: [.min, .max], unsigned: [0, .max], flag: true, missing: nil, present: 4)
        try Self.expectSameBytes(value)
        let parsed = try #require(try JSONSerialization.jsonObject(with: PrettyJSONEncoder.encode(value)) as? [String: Any])
        #expect((parsed["doubles"] as? [NSNumber])?.map(\.doubleValue) == doubles)
        #expect(parsed["missing"] is NSNull)
        #expect((parsed["present"] as? NSNumber)?.doubleValue == 4)
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(["x": Double.infinity]) }
    }

    struct Empty: Codable {}

    struct Shapes: Codable {
        var empty: Empty
        var emptyList: [Int]
        var emptyMap: [String: Int]
        var nestedLists: [[Double]]
        var emptyInner: [[String]]
        var keys: [String: Int]
        var absent: Int?
        var objects: [Empty]
    }

    @Test func containersAreLaidOutAndKeysSortedAsJSONEncoderDoes() throws {
        let value = Shapes(empty: Empty(), emptyList: [], emptyMap: [:], nestedLists: [[11.9, 58.36], [], [1]], emptyInner: [[], ["a"]],
                           keys: ["b": 1, "a": 2, "B": 3, "Z": 4, "å": 5, "ä": 6, "aa": 7, "a b": 8, "10": 9, "9": 10, "": 11],
                           absent: nil, objects: [Empty(), Empty()])
        try Self.expectSameBytes(value)
        try Self.expectSameBytes(Empty())
        try Self.expectSameBytes([Int]())
        try Self.expectSameBytes(42)
        try Self.expectSameBytes(Optional<Int>.none)
    }

    /// Encodes through nested containers and super encoders, which synthesized `Codable` never asks for.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, list, inner }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try container.encode("last key, written first", forKey: .zeta)
            try inner.encode(1, forKey: .zeta)
            try list.encode("one")
            var deeper = list.nestedContainer(keyedBy: Keys.self)
            try list.encode("three")
            try deeper.encode([1.5], forKey: .alpha)
            try list.encodeNil()
            try "super".encode(to: container.superEncoder())
            try inner.encode(true, forKey: .alpha)
            try 7.encode(to: container.superEncoder(forKey: .alpha))
        }
    }

    @Test func nestedContainersWrittenLaterLandInTheirPlace() throws {
        try Self.expectSameBytes(Nested())
        try Self.expectSameBytes([Nested(), Nested()])
    }

    @Test func typesJSONEncoderWritesInWaysOfItsOwnAreRefused() throws {
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(["data": Data([1, 2])]) }
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode([URL(fileURLWithPath: "/tmp")]) }
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(Date(timeIntervalSince1970: 0)) }
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder.encode(Decimal(1)) }
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CLITests/Golden")

    /// The lägesbilder of the JSON goldens, read back into the model.
    static func goldenLagesbilder() throws -> [(name: String, bytes: Data, lagesbild: Lagesbild)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)
            .filter { $0.hasPrefix("lagesbild-") && $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let bytes = try Data(contentsOf: goldenDirectory.appendingPathComponent(name))
            return (name, bytes, try JSONDecoder().decode(Lagesbild.self, from: bytes))
        }
    }

    @Test func theGoldenLagesbilderAreWrittenByteForByte() throws {
        let goldens = try Self.goldenLagesbilder()
        #expect(goldens.count >= 4)
        for golden in goldens {
            let ours = try PrettyJSONEncoder.encode(golden.lagesbild) + Data("\n".utf8)
            #expect(ours == golden.bytes, "\(golden.name)")
            try Self.expectSameBytes(golden.lagesbild)
        }
    }

    @Test func aLagesbildWithHostileTextIsWrittenAsJSONEncoderWritesIt() throws {
        for golden in try Self.goldenLagesbilder() {
            var lagesbild = golden.lagesbild
            for (index, text) in Self.hostileStrings.enumerated() {
                lagesbild.kommun.name += text
                if !lagesbild.areas.isEmpty { lagesbild.areas[index % lagesbild.areas.count].name = text }
                if !lagesbild.cells.isEmpty { lagesbild.cells[index % lagesbild.cells.count].indicatorName = text }
            }
            lagesbild.methods.baseline = Self.hostileStrings.joined()
            try Self.expectSameBytes(lagesbild)
            let parsed = try #require(try JSONSerialization.jsonObject(with: PrettyJSONEncoder.encode(lagesbild)) as? [String: Any])
            #expect((parsed["methods"] as? [String: Any])?["baseline"] as? String == Self.hostileStrings.joined())
            #expect((parsed["kommun"] as? [String: Any])?["name"] as? String == lagesbild.kommun.name)
        }
    }
}
