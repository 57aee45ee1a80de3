import ArgumentParser
import Platform

extension TokenCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an API token: `token add lysekil --name 'Polisens system' --reporter polismyndigheten`.")

        @Argument(help: "The kommun's id.") var kommun: String
        @Option(help: "What the token is for (the system that uses it).") var name: String
        @Option(help: "Bind the token to this reporter organisation: it may only deliver as it.") var reporter: String?
        @OptionGroup var target: AccountTarget

        func run() throws {
            let config = try target.catalogOptions.kommun(kommun)
            let (secret, token) = try Accounts.addToken(name: name, reporter: reporter, config: config, store: target.store(),
                                                        actor: AccountTarget.actor, now: Now.date)
            let language = target.languageOption.resolved(for: config)
            let bound = token.reporter.map { language.pick(", rapporterar som \($0)", ", reports as \($0)") } ?? ""
            print(language.pick("API-nyckel #\(token.id) '\(token.name)' för \(config.id)\(bound). Hemligheten visas bara nu:",
                                "API token #\(token.id) '\(token.name)' for \(config.id)\(bound). The secret is shown only now:"))
            print(secret)
        }
    }
}
