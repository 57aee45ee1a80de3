import ArgumentParser

@main
struct PlatformCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "platform-cli",
        abstract: "EST-plattformen: kommunernas trygghetsarbete – konfiguration, rapporter och lägesbilder.",
        discussion: """
            Each kommun is described by one YAML file in the municipalities folder. Start with \
            `platform-cli validate` and `platform-cli kommuner`.
            """,
        subcommands: [
            Validate.self, Kommuner.self, Org.self, Simulate.self, Ingest.self, Reports.self, LagesbildCommand.self,
            Exporters.self, CalendarCommand.self, Plan.self, EscalationCommand.self, StatusCommand.self, Due.self, InsatsCommand.self,
            PrioritetCommand.self, AnalysCommand.self, AtgardsplanCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self,
            ReportCommand.self, StoreCommand.self,
            Serve.self,
        ]
    )

    static func main() {
        StandardOutput.checkAtExit()
        main(nil)
    }
}
