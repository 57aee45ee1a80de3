import ArgumentParser
import Platform

extension UserCommand {
    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Stop an account from logging in; its sessions end at once.")

        @Argument(help: "The account's login.") var login: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            try Accounts.setDisabled(true, login: login, store: target.store(), actor: AccountTarget.actor, now: Now.date)
            print(target.language.pick("\(Account.normalizedLogin(login)): avstängt", "\(Account.normalizedLogin(login)): disabled"))
        }
    }
}
