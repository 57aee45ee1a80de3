import Foundation
import Testing

/// A municipalities folder with things in it that are not kommun files: a link to a secret elsewhere, a
/// binary file, Latin-1 text, a list, /etc/passwd-like lines, and a control character in a key (issue 12,
/// items 9 and 10). None of their contents is echoed.
@Suite("Kommun file safety")
struct KommunFileSafetyTests {
    let directory: URL
    let folder: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-kommunfiles-\(UUID().uuidString)")
        folder = directory.appendingPathComponent("municipalities").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try write("outside/secret.txt", "root:$6$saltsalt$hashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/x.yaml", withDestinationPath: "../outside/secret.txt")
        // A link that stays inside the folder is followed.
        try FileManager.default.copyItem(atPath: CLI.packageRoot.appendingPathComponent("municipalities/tranemo.yaml").path,
                                        toPath: "\(folder)/tranemo.source")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/tranemo.yaml", withDestinationPath: "tranemo.source")
    }

    private func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    private func write(_ name: String, _ data: Data) throws {
        try data.write(to: directory.appendingPathComponent(name))
    }

    @Test func aLinkOutOfTheFolderIsNotFollowed() throws {
        let result = try CLI.run(["validate", folder])
        #expect(result.status == 1)
        #expect(result.stderr == "\(folder)/x.yaml: error: is a symbolic link to a file outside \(folder); not followed "
                + "(copy the file into the folder, or set PLATFORM_FOLLOW_LINKS=1)\n", "\(result.stderr)")
        #expect(result.stdout.contains("ok: \(folder)/tranemo.yaml: Tranemo kommun (tranemo)"))
        let kommuner = try CLI.run(["kommuner", "--municipalities", folder])
        #expect(!kommuner.stdout.contains("daemon") && !kommuner.stderr.contains("daemon"))
        #expect(kommuner.stdout.contains("tranemo"))
        // Followed when asked: then it is simply not a kommun file.
        let followed = try CLI.run(["validate", folder], environment: ["PLATFORM_FOLLOW_LINKS": "1"])
        #expect(followed.stderr.contains("\(folder)/x.yaml: error: not a kommun file"))
        #expect(!followed.stderr.contains("daemon") && !followed.stderr.contains("hashhash"), "\(followed.stderr)")
    }

    @Test(arguments: [
        ("binary.yaml", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0A, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x3A, 0x20, 0x31, 0x0A]),
         "not a kommun file (it is not UTF-8 text)"),
        ("latin1.yaml", Data("namn: G".utf8) + Data([0xF6]) + Data("teborg\nsecret: 1\n".utf8), "not a kommun file (it is not UTF-8 text)"),
        // A 4-byte sequence cut after 3 bytes decodes to one U+FFFD of 3 bytes: the same length.
        ("cut.yaml", Data("kommun: ".utf8) + Data([0xF0, 0x9F, 0x98]) + Data("\nsecret: 1\n".utf8), "not a kommun file (it is not UTF-8 text)"),
        // U+0085 (NEL) is the one control character libyaml lets through.
        ("nel.yaml", Data("kommun: x # a".utf8) + Data([0xC2, 0x85]) + Data("\nsecret: 1\n".utf8), "not a kommun file (it is not UTF-8 text)"),
        ("list.yaml", Data("- secret\n- more secret\n".utf8), "not a kommun file (its top level is not a mapping of keys)"),
        ("passwd.yaml", Data("secretuser: x:0:0\nsecretdaemon: x:1:1\n".utf8),
         "not a kommun file (none of its top-level keys is a kommun file's, such as schemaVersion or kommun)"),
    ] as [(String, Data, String)])
    func somethingThatIsNotAKommunFileIsSaidOnce(name: String, contents: Data, message: String) throws {
        try write("municipalities/\(name)", contents)
        let result = try CLI.run(["validate", "\(folder)/\(name)"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(folder)/\(name): error: \(message)\n", "\(result.stderr)")
        #expect(!result.stderr.contains("secret"))
    }

    @Test func aControlCharacterInAKeyIsShownEscaped() throws {
        let tranemo = try String(contentsOfFile: "\(folder)/tranemo.source", encoding: .utf8)
        try write("municipalities/esc.yml", tranemo + "\"\\e]0;pwned\\a\": 1\n")
        let result = try CLI.run(["validate", "\(folder)/esc.yml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown key '\\u{1B}]0;pwned\\u{7}'"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
