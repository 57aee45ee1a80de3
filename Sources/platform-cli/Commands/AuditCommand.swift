import ArgumentParser
import Platform

/// `platform-cli audit`: the append-only audit log, newest first.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log, newest first: logins, submissions, corrections, user and token changes.")

    @Option(help: "Only this kommun's events (default: every event, platform-wide ones included).") var kommun: String?
    @Option(help: "At most this many events.") var limit = 50
    @OptionGroup var target: AccountTarget

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        if let kommun { _ = try target.catalogOptions.kommun(kommun) }
        let language = target.language
        let rows = try target.storeOptions.reading().auditLog(kommun: kommun, limit: limit).map { event in
            [Timestamp.text(event.at), event.kommun ?? "–", event.actor, event.action, event.detail]
        }
        print(TextTable.render(header: [language.pick("när", "at"), "kommun", language.pick("vem", "actor"),
                                        language.pick("händelse", "action"), language.pick("detaljer", "detail")],
                               rows: rows), terminator: "")
    }
}
