import ArgumentParser
import Platform

extension UserCommand {
    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled account log in again.")

        @Argument(help: "The account's login.") var login: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            try Accounts.setDisabled(false, login: login, store: target.store(), actor: AccountTarget.actor, now: Now.date)
            print(target.language.pick("\(Account.normalizedLogin(login)): aktivt", "\(Account.normalizedLogin(login)): enabled"))
        }
    }
}
