import ArgumentParser
import Platform

extension TokenCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The kommun's API tokens, revoked ones included.")

        @Argument(help: "The kommun's id.") var kommun: String
        @OptionGroup var target: AccountTarget

        func run() throws {
            let config = try target.catalogOptions.kommun(kommun)
            let language = target.languageOption.resolved(for: config)
            let rows = try target.storeOptions.reading().apiTokens(kommun: config.id).map { token in
                [String(token.id), token.name, token.reporter ?? "", Timestamp.text(token.createdAt), token.revokedAt.map(Timestamp.text) ?? ""]
            }
            print(TextTable.render(header: ["id", language.pick("namn", "name"), language.pick("rapportör", "reporter"),
                                            language.pick("skapad", "created"), language.pick("återkallad", "revoked")],
                                   rows: rows), terminator: "")
        }
    }
}
