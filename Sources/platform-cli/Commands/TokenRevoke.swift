import ArgumentParser
import Platform

extension TokenCommand {
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke one of the kommun's API tokens at once.")

        @Argument(help: "The kommun's id.") var kommun: String
        @Argument(help: "The token's id (`token list`).") var id: Int64
        @OptionGroup var target: AccountTarget

        func run() throws {
            let config = try target.catalogOptions.kommun(kommun)
            do {
                try Accounts.revokeToken(id: id, kommun: config.id, store: target.store(), actor: AccountTarget.actor, now: Now.date)
            } catch AccountError.unknownToken {
                Output.error("Error: id: \(config.id) has no API token #\(id) (see `platform-cli token list \(config.id)`)")
                throw ExitCode.failure
            }
            print(target.languageOption.resolved(for: config).pick("API-nyckel #\(id) återkallad", "API token #\(id) revoked"))
        }
    }
}
