import ArgumentParser
import Platform

extension UserCommand {
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password", abstract: "Set an account's password, read from standard input (at least 12 characters).")

        @Argument(help: "The account's login.") var login: String
        @Flag(help: "Read the password from the first line of standard input (required).") var passwordStdin = false
        @OptionGroup var target: AccountTarget

        func validate() throws {
            guard passwordStdin else { throw ValidationError("--password-stdin: the password is read from standard input, never an argument") }
        }

        func run() throws {
            try Accounts.setPassword(AccountTarget.passwordFromStandardInput(), login: login, store: target.store(),
                                     actor: AccountTarget.actor, now: Now.date)
            print(target.language.pick("\(Account.normalizedLogin(login)): nytt lösenord", "\(Account.normalizedLogin(login)): password set"))
        }
    }
}
