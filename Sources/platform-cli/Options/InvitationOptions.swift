import ArgumentParser
import Foundation
import Platform

/// Where an invitation link points and how long it works; shared by `user add` and `user invite`.
struct InvitationOptions: ParsableArguments {
    @Option(name: .customLong("public-url"), help: ArgumentHelp(
        "The server's address as users reach it, for the invitation link (default: $PLATFORM_PUBLIC_URL or http://localhost:8080).",
        valueName: "url"))
    var publicURL: String?

    @Option(name: .customLong("expires-days"), help: ArgumentHelp("Days the invitation link works.", valueName: "days"))
    var expiresDays = 7

    func validate() throws {
        guard (1...365).contains(expiresDays) else { throw ValidationError("--expires-days must be 1 to 365") }
    }

    var lifetime: TimeInterval { TimeInterval(expiresDays) * 24 * 3600 }

    /// The invitation link for `token`, and the sentence that says how to use it.
    func message(token: String, login: String, language: Language) -> String {
        let base = publicURL ?? Now.environment.publicURL ?? "http://localhost:8080"
        let until = Timestamp.text(Now.date.addingTimeInterval(lifetime))
        return language.pick("Inbjudningslänk för \(login) (fungerar en gång, till \(until)):",
                             "Invitation link for \(login) (works once, until \(until)):")
            + "\n" + Accounts.invitationURL(publicURL: base, token: token) + "\n"
    }
}
