import ArgumentParser
import Platform

extension UserCommand {
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled account log in again.")

        @Argument(help: "The account's login.") var login: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            try target.setDisabled(false, login: login)
        }
    }
}
