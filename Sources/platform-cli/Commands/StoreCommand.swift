import ArgumentParser
import Platform

/// `platform-cli store …`: keeping the SQLite store safe (docs/deploy.md): a consistent backup, a check.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The report store: backup (a consistent copy, also while serve runs) and check.",
        subcommands: [Backup.self, Check.self]
    )
}
