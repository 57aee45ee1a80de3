import Foundation
import Testing

/// Formats an admin adds without touching the platform: Mustache templates and external programs.
@Suite("Templates and external exporters", .serialized)
struct PluginExporterTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("templates/tranemo"), withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func write(_ name: String, _ text: String, executable: Bool = true) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(name)) }
    }

    /// A plugin whose describe answer declares `mediaType` and whose run is `body` (bash).
    private func plugin(_ name: String, mediaType: String = "text/plain", describe: String? = nil, body: String) throws {
        let answer = describe ?? #"{"apiVersion": 1, "displayName": "\#(name)", "fileExtension": "txt", "mediaType": "\#(mediaType)"}"#
        try write("plugins/platform-export-\(name)", """
            #!/usr/bin/env bash
            if [ "$1" = "--describe" ]; then echo '\(answer)'; exit 0; fi
            \(body)
            """)
    }

    private func lagesbild(_ formats: String, extra: [String] = []) throws -> CLI.Result {
        try #require(LagesbildCommandTests.fixture.setupError == nil)
        return try CLI.run(["lagesbild", "tranemo", "--period", "2026-W47", "--store", LagesbildCommandTests.fixture.store,
                            "--out", path("out"), "--format", formats, "--plugins", path("plugins"),
                            "--templates", path("templates")] + extra)
    }

    private func output(_ name: String) -> String? { try? String(contentsOfFile: path("out/\(name)"), encoding: .utf8) }

    @Test func shippedTemplatesMatchTheirGoldens() throws {
        #expect(try CLI.run(["lagesbild", "tranemo", "--period", "2026-W47", "--store", LagesbildCommandTests.fixture.store,
                             "--out", path("out"), "--format", "template:epost,template:publik"]).status == 0)
        try CLI.expectGolden(output("tranemo-2026-W47.txt") ?? "", "template-epost-tranemo-2026-W47.txt")
        try CLI.expectGolden(output("tranemo-2026-W47.html") ?? "", "template-publik-tranemo-2026-W47.html")
        // The public version leaves out notes and reporter names.
        let publik = output("tranemo-2026-W47.html") ?? ""
        #expect(!publik.contains("Polisen") && !publik.contains("Tranemo Bostäder"))
    }

    @Test func aDroppedTemplateIsAFormatAndAKommunsOwnWins() throws {
        try write("templates/rad.txt.mustache", "{{kommun.name}} {{period.id}}: {{highlights.events}} händelser\n", executable: false)
        try write("templates/tranemo/rad.txt.mustache", "Tranemos egen: {{period.label}}\n", executable: false)
        try write("templates/trasig.md.mustache", "line one\n{{#hotspots}}unclosed\n", executable: false)
        let listing = try CLI.run(["exporters", "--templates", path("templates"), "--plugins", path("plugins")])
        #expect(listing.stdout.contains("template:rad "))
        #expect(listing.stderr.contains("warning: \(path("templates"))/trasig.md.mustache:"))
        let result = try lagesbild("template:rad")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(output("tranemo-2026-W47.txt") == "Tranemos egen: vecka 47 2026\n")
    }

    @Test func theExamplePluginIsListedAndUsed() throws {
        let example = CLI.packageRoot.appendingPathComponent("examples/plugins/platform-export-sms").path
        try FileManager.default.copyItem(atPath: example, toPath: path("plugins/platform-export-sms"))
        let listing = try CLI.run(["exporters", "--plugins", path("plugins"), "--templates", path("templates")])
        #expect(listing.stdout.contains("sms   "))
        #expect(listing.stdout.contains("SMS-sammanfattning"))
        let result = try lagesbild("sms,md")
        #expect(result.status == 0, "\(result.stderr)")
        try CLI.expectGolden(output("tranemo-2026-W47.txt") ?? "", "plugin-sms-tranemo-2026-W47.txt")
        let english = try lagesbild("sms", extra: ["--lang", "en"])
        #expect(english.status == 0)
        #expect(output("tranemo-2026-W47.txt")?.contains(" events") == true)
    }

    /// Its standard error is shown as its last 20 lines, each cut at 300 characters.
    @Test func aFailingPluginShowsItsErrorAndLeavesTheOtherFormats() throws {
        try plugin("trasig", body: """
            cat > /dev/null; echo 'half an output'
            yes x | head -c 200000 | tr -d '[:space:]' >&2; echo >&2
            echo 'mallen saknas: rad 3' >&2; exit 3
            """)
        let result = try lagesbild("md,trasig")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: trasig for tranemo failed: plugin 'trasig' failed (exit status 3)"))
        #expect(result.stderr.contains("mallen saknas: rad 3"))
        #expect(result.stderr.contains("    xxxxxxxxxx"))
        #expect(result.stderr.utf8.count < 2000, "\(result.stderr.utf8.count) bytes")
        #expect(output("tranemo-2026-W47.md") != nil)
        #expect(output("tranemo-2026-W47.txt") == nil)
    }

    @Test func aHangingPluginIsStoppedWithEverythingItStarted() throws {
        try plugin("hanger", body: "sleep 300 & sleep 300; echo never")
        let start = Date()
        let result = try lagesbild("hanger", extra: ["--plugin-timeout", "1"])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("plugin 'hanger' did not finish within 1"))
        #expect(output("tranemo-2026-W47.txt") == nil)
    }

    /// A daemon a plugin starts in a session of its own (`setsid`) ends with the plugin, after a
    /// successful export too. Found by its command line: inside a PID namespace `$!` is not its pid here.
    @Test func aDaemonAPluginStartsEndsWithIt() throws {
        let seconds = "600.\(Int.random(in: 100_000...999_999))"
        try plugin("daemon", body: """
            cat > /dev/null
            setsid sleep \(seconds) < /dev/null > /dev/null 2>&1 &
            sleep 0.2
            echo done
            """)
        let result = try lagesbild("daemon")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(output("tranemo-2026-W47.txt") == "done\n")
        // The kernel may take a moment to end it after the plugin's exit.
        var survivors = Self.processes(running: seconds)
        for _ in 0..<50 where !survivors.isEmpty {
            usleep(100_000)
            survivors = Self.processes(running: seconds)
        }
        for pid in survivors { kill(pid, SIGKILL) }
        #expect(survivors.isEmpty, "the daemon outlived the plugin")
    }

    /// Live (not zombie) processes whose command line contains `marker`.
    private static func processes(running marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  String(decoding: command, as: UTF8.self).contains(marker),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return !stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
        }
    }

    @Test func tooMuchOutputIsSaidSo() throws {
        try plugin("flood", body: "cat > /dev/null; head -c 300000000 /dev/zero")
        let result = try lagesbild("flood")
        #expect(result.status == 1)
        #expect(result.stderr.contains("plugin 'flood' printed too much output (over 256 MiB)"), "\(result.stderr)")
    }

    @Test func garbageIsRefused() throws {
        try plugin("babbel", describe: "hello, I am a plugin", body: "echo hi")
        try plugin("nojson", mediaType: "application/json", body: "cat > /dev/null; echo 'this is not json'")
        let listing = try CLI.run(["exporters", "--plugins", path("plugins"), "--templates", path("templates")])
        #expect(listing.stderr.contains("plugin 'babbel' --describe did not print the JSON the contract asks for"))
        let result = try lagesbild("nojson")
        #expect(result.status == 1)
        #expect(result.stderr.contains("plugin 'nojson' printed output that is not valid JSON"))
    }

    @Test func pluginsNeverShadowBuiltinsAndMustBeExecutable() throws {
        try plugin("md", body: "echo fake")
        try write("plugins/platform-export-lat", "#!/bin/sh\necho x\n", executable: false)
        let listing = try CLI.run(["exporters", "--plugins", path("plugins"), "--templates", path("templates")])
        #expect(listing.stderr.contains("\(path("plugins"))/platform-export-md is ignored: it would shadow the built-in 'md' exporter"))
        #expect(listing.stderr.contains("\(path("plugins"))/platform-export-lat is ignored: it is not executable (chmod +x)"))
        #expect(try lagesbild("md").status == 0)
        #expect(output("tranemo-2026-W47.md")?.hasPrefix("# Lägesbild Tranemo kommun") == true)
    }
}
