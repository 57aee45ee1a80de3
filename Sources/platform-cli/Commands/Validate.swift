import ArgumentParser
import Foundation
import Platform

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check kommun files and list every problem in them.",
        discussion: """
            Prints each problem as `file:line:col: error: message [at yaml.path]` with the source line and a \
            caret. Folders are searched recursively for .yaml and .yml files. Exit status 0 when every file \
            is valid, 1 otherwise.
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to check (default: the municipalities folder).", valueName: "file-or-dir"))
    var paths: [String] = []

    @Flag(name: .shortAndLong, help: "Print only problems, not the valid files.")
    var quiet = false

    func run() throws {
        let paths = paths.isEmpty ? [Now.environment.municipalities] : paths
        var files: [KommunConfigLoader.LoadedFile] = []
        for path in paths {
            files += try KommunCatalog.load(path, loader: Now.environment.loader)
        }
        var errors = 0
        for file in files {
            if file.diagnostics.isEmpty {
                if !quiet, let config = file.config {
                    print("ok: \(file.file): \(config.kommun.name) (\(config.id))")
                }
                continue
            }
            errors += file.diagnostics.filter { $0.severity == .error }.count
            Output.error(file.renderedDiagnostics)
        }
        let clashes = KommunCatalog.duplicateIDs(in: files)
        for clash in clashes { Output.error(clash.headline) }
        errors += clashes.count
        let invalid = files.filter { !$0.isValid }.count
        print("\(files.count.counted("file")) checked: \(files.count - invalid) valid, \(invalid) with errors (\(errors.counted("error")))")
        if errors > 0 { throw ExitCode.failure }
    }
}
