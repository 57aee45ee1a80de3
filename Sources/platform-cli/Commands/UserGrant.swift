import ArgumentParser
import Platform

extension UserCommand {
    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant", abstract: "Give an account a role in a kommun, replacing the role it had there.")

        @Argument(help: "The account's login.") var login: String
        @Option(help: "The kommun.") var kommun: String
        @Option(help: "reporter, reader or coordinator.") var role: Role
        @Option(help: "For a reporter: the reporter organisation it reports for.") var reporter: String?
        @OptionGroup var target: AccountTarget

        func run() throws {
            let membership = Membership(kommun: kommun, role: role, reporter: reporter)
            try Accounts.grant(membership, login: login, kommuner: target.kommuner(), store: target.store(), actor: AccountTarget.actor,
                               now: Now.date)
            print("\(Account.normalizedLogin(login)): \(membership.summary)")
        }
    }
}
