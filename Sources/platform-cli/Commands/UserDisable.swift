import ArgumentParser
import Platform

extension UserCommand {
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Stop an account from logging in; its sessions end at once.")

        @Argument(help: "The account's login.") var login: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            try target.setDisabled(true, login: login)
        }
    }
}
