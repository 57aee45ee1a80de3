import ArgumentParser
import Platform

/// `platform-cli token …`: API tokens per kommun, for systems that deliver reports (docs/accounts.md).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "API tokens per kommun (and reporter organisation): add, list, revoke.",
        discussion: "The secret is shown once, when the token is added; the store keeps only its SHA-256.",
        subcommands: [Add.self, List.self, Revoke.self],
        defaultSubcommand: List.self
    )
}
