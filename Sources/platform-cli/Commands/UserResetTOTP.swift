import ArgumentParser
import Platform

extension UserCommand {
    struct ResetTOTP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-totp",
            abstract: "Remove an account's second factor (a lost phone); its next login sets one up again where the kommun requires it.")

        @Argument(help: "The account's login.") var login: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            try Accounts.resetSecondFactor(login: login, store: target.store(), actor: AccountTarget.actor, now: Now.date)
            print(target.language.pick("\(Account.normalizedLogin(login)): tvåstegsverifiering borttagen",
                                       "\(Account.normalizedLogin(login)): second factor removed"))
        }
    }
}
