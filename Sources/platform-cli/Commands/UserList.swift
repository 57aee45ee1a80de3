import ArgumentParser
import Platform

extension UserCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every account: roles per kommun, admin, disabled, TOTP.")

        @Option(help: "Only the accounts with a role in this kommun.") var kommun: String?
        @OptionGroup var target: AccountTarget

        func run() throws {
            if let kommun { _ = try target.catalogOptions.kommun(kommun) }
            let accounts = try target.storeOptions.reading().accounts(kommun: kommun)
            let language = target.language
            let yes = language.pick("ja", "yes"), no = language.pick("nej", "no")
            let rows = accounts.map { account in
                [account.login, account.name, account.memberships.map(\.summary).joined(separator: "; "),
                 account.isAdmin ? yes : no, account.disabled ? yes : no, account.hasTOTP ? yes : no]
            }
            print(TextTable.render(header: [language.pick("inloggning", "login"), language.pick("namn", "name"),
                                            language.pick("roller", "roles"), "admin", language.pick("avstängt", "disabled"), "TOTP"],
                                   rows: rows), terminator: "")
        }
    }
}
