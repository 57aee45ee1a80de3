import ArgumentParser
import Platform

/// `platform-cli store …`: keeping the store safe (docs/deploy.md): a consistent backup, a check, a copy into
/// another store (SQLite to PostgreSQL and back).
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The report store: backup (a consistent copy, also while serve runs), check, and copy to another store.",
        subcommands: [Backup.self, Check.self, Copy.self]
    )
}
