import ArgumentParser
import Foundation
import Platform

/// The store, the kommun files and the language: what the subcommands of `user`, `token` and `audit` share.
/// Every change they make is written to the audit log with the actor `cli`.
struct AccountTarget: ParsableArguments {
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var languageOption: LanguageOption

    /// The audit log's actor for a change made on the command line.
    static let actor = "cli"

    /// The store, created when it does not exist yet (for the subcommands that write).
    func store() throws -> any PlatformStore { try storeOptions.open() }

    /// Every valid kommun, for checking roles.
    func kommuner() throws -> [KommunConfig] { try catalogOptions.catalog().kommuner }

    /// `--lang`, else Swedish (these listings span kommuner, so no kommun's language applies).
    var language: Language { languageOption.language ?? .sv }

    /// Disables `login` (ending its sessions) or enables it again, and says which.
    func setDisabled(_ disabled: Bool, login: String) throws {
        try Accounts.setDisabled(disabled, login: login, store: store(), actor: Self.actor, now: Now.date)
        let login = Account.normalizedLogin(login)
        print(disabled ? language.pick("\(login): avstängt", "\(login): disabled") : language.pick("\(login): aktivt", "\(login): enabled"))
    }

    /// The password on the first line of standard input (never an argument: it would show in `ps` and the
    /// shell's history).
    static func passwordFromStandardInput() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("--password-stdin: no password on standard input (give it on the first line)")
        }
        return line
    }
}
