import ArgumentParser
import Platform

/// `platform-cli user …`: accounts and their roles per kommun (docs/accounts.md).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Accounts and their roles per kommun: reporter, reader, coordinator, and the platform admin.",
        discussion: "Every change is written to the audit log (`platform-cli audit`). See docs/accounts.md.",
        subcommands: [Add.self, List.self, Grant.self, Revoke.self, Disable.self, Enable.self, Invite.self, Password.self],
        defaultSubcommand: List.self
    )
}
