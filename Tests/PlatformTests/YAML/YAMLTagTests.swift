import Testing
@testable import Platform

/// Explicit YAML tags (issue 12, item 16): `!!str` and `!` are honoured, every other tag is refused with
/// file:line:col; none is dropped silently.
@Suite("YAML tags")
struct YAMLTagTests {
    private func load(_ text: String) -> YAMLLoader.Document {
        YAMLLoader().load(text, file: "test.yaml")
    }

    @Test func strMakesAString() throws {
        let document = load("a: !!str\nb: !!str 12\nc: ! 12\nd: !!str null\ne: !<tag:yaml.org,2002:str> no\n")
        #expect(document.diagnostics.isEmpty)
        let pairs = try #require(document.root?.pairs)
        let scalars = pairs.map { $0.value.scalar }
        #expect(scalars.map { $0?.text } == ["", "12", "12", "null", "no"])
        #expect(scalars.allSatisfy { $0?.isNull == false && $0?.style != .plain })
    }

    @Test func aStringInTheConfigIsReadAsText() {
        let decoded = KommunConfigLoader().decode(KommunConfigDecodingTests.minimal.replacingOccurrences(of: "schemaVersion: 1", with: "schemaVersion: !!str 1"),
                                                  file: "exempel.yaml")
        #expect(decoded.config == nil)
        #expect(decoded.diagnostics.contains { $0.path == "schemaVersion" }, "\(decoded.diagnostics.map(\.headline))")
    }

    @Test func otherTagsAreRefusedWithTheirPlace() {
        let document = load("a: !!int 12\nb:\n  c: !custom x\nd: !!map {x: 1}\ne: !!set {x: 1}\nf: !!seq [1]\n")
        #expect(document.diagnostics.map(\.headline) == [
            "test.yaml:1:4: error: the YAML tag '!!int' is not supported (only !!str); write the value without it [at a]",
            "test.yaml:3:6: error: the YAML tag '!custom' is not supported (only !!str); write the value without it [at b.c]",
            "test.yaml:5:4: error: the YAML tag '!!set' is not supported (only !!str); write the value without it [at e]",
        ])
    }
}
