import ArgumentParser
import Platform

extension UserCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account: `user add kim@lysekil.se --name 'Kim Berg' --kommun lysekil --role reader`.",
            discussion: """
                Give --kommun and --role once per kommun; each --reporter goes, in order, with the memberships whose \
                role is reporter. Without --password-stdin the account gets a one-time invitation link.
                """
        )

        @Argument(help: "The login: an e-mail address or user name (case-insensitive).") var login: String
        @Option(help: "The display name.") var name: String
        @Option(help: "A kommun the account has a role in (repeatable).") var kommun: [String] = []
        @Option(help: "The role in the kommun given at the same place: reporter, reader or coordinator (repeatable).") var role: [Role] = []
        @Option(help: "The reporter organisation a reporter reports for: an id of the kommun's reporters (repeatable).") var reporter: [String] = []
        @Flag(help: "Platform admin: coordinator in every kommun, and manages every account.") var admin = false
        @Flag(help: "Read the password from the first line of standard input instead of sending an invitation.") var passwordStdin = false
        @OptionGroup var invitation: InvitationOptions
        @OptionGroup var target: AccountTarget

        func validate() throws {
            guard kommun.count == role.count else {
                throw ValidationError("--kommun and --role: give one --role for each --kommun (\(kommun.count) kommun, \(role.count) role)")
            }
            let reporters = role.filter { $0 == .reporter }.count
            guard reporter.count == reporters else {
                throw ValidationError("--reporter: give one --reporter for each role reporter (\(reporters) reporter role, \(reporter.count) --reporter)")
            }
        }

        func run() throws {
            var reporters = reporter.makeIterator()
            let memberships = zip(kommun, role).map { kommun, role in
                Membership(kommun: kommun, role: role, reporter: role == .reporter ? reporters.next() : nil)
            }
            let password = passwordStdin ? try AccountTarget.passwordFromStandardInput() : nil
            let (account, token) = try Accounts.add(login: login, name: name, isAdmin: admin, memberships: memberships, password: password,
                                                    kommuner: target.kommuner(), store: target.store(), actor: AccountTarget.actor,
                                                    now: Now.date, invitationLifetime: invitation.lifetime)
            let language = target.language
            let roles = account.memberships.map(\.summary) + (account.isAdmin ? ["admin"] : [])
            print(language.pick("Konto \(account.login) skapat", "Account \(account.login) created")
                  + (roles.isEmpty ? language.pick(" (inga roller än)", " (no roles yet)") : ": " + roles.joined(separator: "; ")))
            if let token {
                print(invitation.message(token: token, login: account.login, language: language), terminator: "")
            }
        }
    }
}
