import Foundation
import Testing

/// `validate`, `kommuner` and `org` run as a user runs them, on the shipped kommun files.
@Suite("Configuration commands")
struct ConfigCommandTests {
    @Test(arguments: ["lysekil", "tranemo"], ["text", "mermaid", "dot"])
    func orgMatchesGolden(kommun: String, format: String) throws {
        let result = try CLI.run(["org", kommun, "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        let ext = ["text": "txt", "mermaid": "mmd", "dot": "dot"][format]!
        try CLI.expectGolden(result.stdout, "org-\(kommun).\(ext)")
    }

    @Test func orgInEnglish() throws {
        let result = try CLI.run(["org", "tranemo", "--lang", "en"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "org-tranemo-en.txt")
    }

    /// Issue 11: the priority cadence and an activity list item's status were English in Swedish output.
    @Test func orgSaysPrioritiesAndListStatusInTheOutputLanguage() throws {
        let swedish = try CLI.run(["org", "lysekil"]).stdout
        #expect(swedish.contains("Prioritering: 3 områden per kvartal, beslutas av Styrgrupp"))
        #expect(swedish.contains("Öppna upp arenor. [pågår]"))
        let english = try CLI.run(["org", "lysekil", "--lang", "en"]).stdout
        #expect(english.contains("Priorities: 3 areas per quarter, decided by Styrgrupp"))
        #expect(english.contains("Öppna upp arenor. [ongoing]"))
        #expect(try CLI.run(["org", "tranemo", "--lang", "en"]).stdout.contains("Rotation: every ort at least 1 time per mandate period"))
    }

    @Test func shippedFilesAreValid() throws {
        let result = try CLI.run(["validate", "municipalities"])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("5 files checked: 5 valid, 0 with errors (0 errors)\n"))
    }

    @Test func kommunerListsTheShippedFiles() throws {
        let result = try CLI.run(["kommuner"])
        #expect(result.status == 0)
        try CLI.expectGolden(result.stdout, "kommuner.txt")
    }

    @Test func unknownKommunNamesTheKnownOnes() throws {
        let result = try CLI.run(["org", "lysekill"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown kommun 'lysekill' in municipalities/ (known: lysekil, tranemo); did you mean 'lysekil'?"))
    }

    /// A copy of the shipped Lysekil file with several mistakes: every one is named, with its line,
    /// column, source line, caret and YAML path, in one run.
    @Test func validateListsEveryMistakeInACopyOfLysekil() throws {
        var text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("municipalities/lysekil.yaml"), encoding: .utf8)
        let mistakes = [
            ("          chair: true", "          chiar: true"),
            ("        - kind: proposes-to", "        - kind: propose-to"),
            ("  - organisation: leva-i-lysekil", "  - organisation: leva"),
            ("  period: week", "  period: weekly"),
            ("  compiledBy: operativt-trygghetsteam", "  compiledBy: operativa-trygghetsteamet"),
        ]
        for (old, new) in mistakes {
            let range = try #require(text.range(of: old), "'\(old)' not found in lysekil.yaml")
            text.replaceSubrange(range, with: new)
        }
        text += "checklist:\n  version: \"2\"\n"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lysekil.yaml")
        try Data(text.utf8).write(to: file)

        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout == "1 file checked: 0 valid, 1 with errors (6 errors)\n")
        try CLI.expectGolden(result.stderr.replacingOccurrences(of: file.path, with: "lysekil.yaml"), "validate-lysekil-mistakes.txt")
    }
}
