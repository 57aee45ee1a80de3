import ArgumentParser
import Platform

extension UserCommand {
    struct Invite: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite", abstract: "A new one-time invitation link for an account (earlier unused links stop working).")

        @Argument(help: "The account's login.") var login: String
        @OptionGroup var invitation: InvitationOptions
        @OptionGroup var target: AccountTarget

        func run() throws {
            let token = try Accounts.invite(login: login, store: target.store(), actor: AccountTarget.actor, now: Now.date,
                                            lifetime: invitation.lifetime)
            print(invitation.message(token: token, login: Account.normalizedLogin(login), language: target.language), terminator: "")
        }
    }
}
