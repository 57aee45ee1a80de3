import Foundation
import Testing
@testable import Platform
@testable import PlatformServer

/// What SIGHUP does: the kommun files are read again and take effect only when every one validates.
@Suite("Server: reloading the kommun files")
struct KommunReloadTests {
    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["lysekil.yaml", "tranemo.yaml"] {
            try FileManager.default.copyItem(at: ServerFixture.repository.appendingPathComponent("municipalities/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("an invalid edit keeps the running configuration and reports every error with its file and line")
    func invalidEditKept() throws {
        let folder = try folder()
        let directory = try KommunDirectory(folder: folder.path)
        let file = folder.appendingPathComponent("tranemo.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "timeZone: Europe/Stockholm", with: "timeZone: Europe/Tranemo")
            .replacingOccurrences(of: "\n  lan: ", with: "\n  secondFactor: sometimes\n  lan: ")
            .write(to: file, atomically: true, encoding: .utf8)
        let problems = directory.reload()
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.allSatisfy { $0.contains("tranemo.yaml:") })
        #expect(problems.contains { $0.contains("Europe/Tranemo") } && problems.contains { $0.contains("sometimes") })
        #expect(directory.kommun("tranemo")?.kommun.timeZone == "Europe/Stockholm")
    }

    @Test("a valid edit takes effect, and a kommun file removed is no longer served")
    func validEditApplied() throws {
        let folder = try folder()
        let directory = try KommunDirectory(folder: folder.path)
        let file = folder.appendingPathComponent("lysekil.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\n  lan: ", with: "\n  secondFactor: everyone\n  lan: ").write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("tranemo.yaml"))
        #expect(directory.reload().isEmpty)
        #expect(directory.kommun("lysekil")?.kommun.secondFactor == .everyone)
        #expect(directory.kommun("tranemo") == nil)
    }

    @Test("a folder with an invalid file does not start")
    func invalidAtStart() throws {
        let folder = try folder()
        try "kommun: [".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: KommunDirectory.LoadFailure.self) { try KommunDirectory(folder: folder.path) }
    }
}
