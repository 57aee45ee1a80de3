import Foundation
import Platform
import Subprocess

/// An exporter that is a program in any language: `platform-export-NAME`, offered as exporter `NAME`.
///
/// The contract (docs/plugins.md): `platform-export-NAME --describe` prints
/// `{"apiVersion": 1, "displayName": …, "fileExtension": …, "mediaType": …}`; run without arguments it
/// reads one JSON request on standard input — `apiVersion`, `platformVersion`, `options` and the
/// `lagesbild` as in `schemas/lagesbild.schema.json` — and prints the output on standard output. A problem
/// is an error message on standard error and a non-zero exit. The platform stops a plugin that runs past
/// its time limit (with every process it started), shows its standard error when it fails, and checks
/// that JSON output parses and text output is UTF-8.
public struct ExternalExporter: Exporter {
    /// The version of the request and describe formats.
    public static let apiVersion = 1
    /// The prefix of a plugin executable's name.
    public static let prefix = "platform-export-"

    public let id: String
    public let displayName: String
    public let fileExtension: String
    public let mediaType: String
    /// The program.
    public let executable: String
    /// How long one run may take.
    public let timeLimit: Duration
    /// The `--option` keys its `--describe` lists; nil (any key) when it lists none.
    public let optionKeys: Set<String>?

    /// Asks `executable` to describe itself; fails with a clear message when its answer is not the
    /// contract's JSON.
    public init(name: String, executable: String, timeLimit: Duration) throws(PluginError) {
        let run = try PluginRun.run(executable, arguments: ["--describe"], input: Data(), timeLimit: timeLimit, name: name)
        let description: Description
        do {
            description = try JSONDecoder().decode(Description.self, from: run.stdout)
        } catch {
            throw PluginError(plugin: name, message: "--describe did not print the JSON the contract asks for "
                + "(apiVersion, displayName, fileExtension, mediaType)", stderr: run.stderr)
        }
        guard description.apiVersion == Self.apiVersion else {
            throw PluginError(plugin: name, message: "speaks apiVersion \(description.apiVersion); this platform speaks \(Self.apiVersion)", stderr: "")
        }
        guard !description.fileExtension.isEmpty, description.fileExtension.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw PluginError(plugin: name, message: "fileExtension '\(description.fileExtension)' is not letters and digits", stderr: "")
        }
        id = name
        displayName = description.displayName
        fileExtension = description.fileExtension
        mediaType = description.mediaType
        self.executable = executable
        self.timeLimit = timeLimit
        optionKeys = description.options.map(Set.init)
    }

    public func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let request = try encoder.encode(Request(apiVersion: Self.apiVersion, platformVersion: PlatformInfo.version,
                                                 options: .init(language: options.language.rawValue, settings: options.settings),
                                                 lagesbild: lagesbild))
        let run = try PluginRun.run(executable, arguments: [], input: request, timeLimit: timeLimit, name: id)
        guard !run.stdout.isEmpty else { throw PluginError(plugin: id, message: "printed nothing", stderr: run.stderr) }
        if mediaType.contains("json"), (try? JSONSerialization.jsonObject(with: run.stdout, options: [.fragmentsAllowed])) == nil {
            throw PluginError(plugin: id, message: "printed output that is not valid JSON (its media type is \(mediaType))", stderr: run.stderr)
        }
        if mediaType.hasPrefix("text/") || mediaType.contains("json"), String(data: run.stdout, encoding: .utf8) == nil {
            throw PluginError(plugin: id, message: "printed output that is not UTF-8 text (its media type is \(mediaType))", stderr: run.stderr)
        }
        return run.stdout
    }

    struct Description: Decodable {
        var apiVersion: Int
        var displayName: String
        var fileExtension: String
        var mediaType: String
        /// The `--option` keys it reads; optional in apiVersion 1.
        var options: [String]?
    }

    struct Request: Encodable {
        struct Options: Encodable {
            var language: String
            var settings: [String: String]
        }

        var apiVersion: Int
        var platformVersion: String
        var options: Options
        var lagesbild: Lagesbild
    }
}

/// Why a plugin could not be used, with what it wrote on standard error (its last 20 lines, each cut at
/// `Diagnostic.shownCharacters`).
public struct PluginError: Error, CustomStringConvertible {
    public var plugin: String
    public var message: String
    public var stderr: String

    public var description: String {
        var text = "plugin '\(plugin)' \(message)"
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true).suffix(20)
        if !lines.isEmpty {
            text += "\n  its standard error:\n" + lines.map { "    " + TerminalText.escaped(Diagnostic.shown(String($0))) }.joined(separator: "\n")
        }
        return text
    }
}
