import ArgumentParser
import Platform

extension UserCommand {
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Take an account's role in a kommun away.")

        @Argument(help: "The account's login.") var login: String
        @Option(help: "The kommun.") var kommun: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            try Accounts.revoke(kommun: kommun, login: login, store: target.store(), actor: AccountTarget.actor, now: Now.date)
            print(target.language.pick("\(Account.normalizedLogin(login)): ingen roll i \(kommun) längre",
                                       "\(Account.normalizedLogin(login)): no role in \(kommun) any more"))
        }
    }
}
