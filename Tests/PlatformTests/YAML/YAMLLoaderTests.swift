import Testing
@testable import Platform

@Suite("YAML loader")
struct YAMLLoaderTests {
    private func load(_ text: String, limits: YAMLLoader.Limits = .init()) -> YAMLLoader.Document {
        YAMLLoader(limits: limits).load(text, file: "test.yaml")
    }

    private func headlines(_ text: String, limits: YAMLLoader.Limits = .init()) -> [String] {
        load(text, limits: limits).diagnostics.map(\.headline)
    }

    @Test func marksAreOneBasedOnEveryNode() throws {
        let document = load("kommun:\n  id: lysekil\n  codes: [1484, '0123']\n")
        let root = try #require(document.root)
        #expect(document.diagnostics.isEmpty)
        let top = try #require(root.pairs)
        let kommun = try #require(top[0].value.pairs)
        #expect(top[0].key.mark == Mark(line: 1, column: 1))
        #expect(kommun[0].key.mark == Mark(line: 2, column: 3))
        #expect(kommun[0].value.mark == Mark(line: 2, column: 7))
        let codes = try #require(kommun[1].value.items)
        #expect(codes.map(\.mark) == [Mark(line: 3, column: 11), Mark(line: 3, column: 17)])
        #expect(codes[1].scalar == Node.Scalar(text: "0123", style: .singleQuoted))
    }

    @Test func yaml11ValuesStayText() throws {
        let root = try #require(load("a: no\nb: on\nc: 0123\nd: 18:00\ne: ~\n").root)
        let pairs = try #require(root.pairs)
        #expect(pairs.map { $0.value.scalar?.text } == ["no", "on", "0123", "18:00", "~"])
        #expect(pairs[4].value.scalar?.isNull == true)
        #expect(pairs[0].value.scalar?.isNull == false)
    }

    @Test func syntaxErrorHasLineColumnAndCaret() {
        let source = "kommun:\n  id: lysekil\n  name: [Lysekil\n"
        let document = load(source)
        #expect(document.root == nil)
        #expect(document.diagnostics.map(\.headline) == [
            "test.yaml:4:1: error: did not find expected ',' or ']' while parsing a flow sequence at 3:9",
        ])
        let rendered = DiagnosticRenderer(source: "kommun:\n  id: lysekil\n  name: [Lysekil\n  x: y\n").render(document.diagnostics)
        #expect(rendered == "test.yaml:4:1: error: did not find expected ',' or ']' while parsing a flow sequence at 3:9\n  x: y\n^")
    }

    @Test func tabIndentationIsASyntaxError() {
        #expect(headlines("a:\n\tb: 1\n") == [
            "test.yaml:2:1: error: found character that cannot start any token while scanning for the next token at 2:1",
        ])
    }

    @Test func billionLaughsIsRefusedNotExpanded() {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let previous = String(UnicodeScalar(UInt8(96 + level)))
            let name = String(UnicodeScalar(UInt8(97 + level)))
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        let document = load(lines.joined(separator: "\n") + "\n")
        #expect(document.root == nil)
        #expect(document.diagnostics.count == 1)
        let headline = document.diagnostics.first?.headline ?? ""
        #expect(headline.hasPrefix("test.yaml:5:"))
        #expect(headline.contains("error: alias '*d' expands the document beyond 100000 nodes; refused"))
    }

    @Test func aliasesAndMergeKeysWork() throws {
        let source = """
            base: &weekly {frequency: weekly, weekday: monday}
            a: *weekly
            b:
              <<: *weekly
              weekday: friday
            """
        let document = load(source)
        #expect(document.diagnostics.isEmpty)
        let root = try #require(document.root)
        let pairs = try #require(root.pairs)
        let a = try #require(pairs[1].value.pairs)
        let b = try #require(pairs[2].value.pairs)
        #expect(a.map { $0.value.scalar?.text } == ["weekly", "monday"])
        #expect(pairs[1].value.mark == Mark(line: 2, column: 4))
        #expect(b.map { "\($0.key.scalar!.text)=\($0.value.scalar!.text)" } == ["weekday=friday", "frequency=weekly"])
    }

    @Test func deepNestingStopsAtTheLimitAsEventsArrive() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let document = load(deep)
        #expect(document.root == nil)
        #expect(document.diagnostics.map(\.headline) == ["test.yaml:1:65: error: nesting deeper than 64 levels [at " + String(repeating: "[0]", count: 64) + "]"])
    }

    @Test func aliasThatNestsTooDeepIsRefused() {
        var limits = YAMLLoader.Limits()
        limits.maxDepth = 4
        #expect(headlines("a: &a [[[1]]]\nb: [[*a]]\n", limits: limits) == [
            "test.yaml:2:6: error: alias '*a' nests the document deeper than 4 levels [at b[0][0]]",
        ])
    }

    @Test func duplicateKeysAreAllReported() {
        #expect(headlines("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n") == [
            "test.yaml:4:3: error: duplicate key 'c' (first defined at 3:3) [at b.c]",
            "test.yaml:5:1: error: duplicate key 'a' (first defined at 1:1) [at a]",
        ])
    }

    /// Keys are compared as Strings compare: a key spelled with other bytes (a decomposed é) is still the
    /// same key, and so is a key written as an alias of a value.
    @Test func duplicateKeysAreFoundWhateverTheirBytes() {
        #expect(headlines("caf\u{E9}: 1\ncafe\u{301}: 2\n") == [
            "test.yaml:2:1: error: duplicate key 'cafe\u{301}' (first defined at 1:1) [at cafe\u{301}]",
        ])
        #expect(headlines("a: &k x\nb:\n  x: 1\n  *k : 2\n") == [
            "test.yaml:4:3: error: duplicate key 'x' (first defined at 3:3) [at b.x]",
        ])
    }

    @Test func unknownAnchorIsAnError() {
        #expect(headlines("a: *nope\n") == ["test.yaml:1:4: error: unknown anchor '*nope' [at a]"])
    }

    @Test func sizeLimitsAreEnforced() {
        var limits = YAMLLoader.Limits()
        limits.maxInputBytes = 10
        #expect(headlines("a: 12345678901\n", limits: limits) == [
            "test.yaml: error: file is 15 bytes, more than the limit of 10 bytes",
        ])
        limits = YAMLLoader.Limits()
        limits.maxScalarBytes = 4
        #expect(headlines("a: 12345\n", limits: limits) == [
            "test.yaml:1:4: error: a value of 5 bytes is longer than the limit of 4",
        ])
    }

    @Test func oneDocumentPerFile() {
        #expect(headlines("a: 1\n---\nb: 2\n") == [
            "test.yaml:2:1: error: a file holds one YAML document; found a second one here",
        ])
        #expect(headlines("# only a comment\n") == ["test.yaml:2:1: error: the file is empty"])
    }

    /// libyaml reads its input in pieces; the tree must not depend on where a multi-byte character falls.
    @Test func nonASCIIColumnsCountCharacters() throws {
        let root = try #require(load("namn: Södra hamnen\nort: Skaftö\n").root)
        let pairs = try #require(root.pairs)
        #expect(pairs[0].value.scalar?.text == "Södra hamnen")
        #expect(pairs[1].value.mark == Mark(line: 2, column: 6))
    }
}
