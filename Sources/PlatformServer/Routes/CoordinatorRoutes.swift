import Foundation
import Hummingbird
import Platform

/// The coordinator's pages: reading in a report file (the same intake as `platform-cli ingest`) and the
/// audit log.
struct CoordinatorRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("ingest") { _, context in try ingestPage(context: context) }
        group.post("ingest") { request, context in try await ingest(request, context: context) }
        group.get("logg") { _, context in try auditLog(context: context) }
    }

    private func ingestPage(context: PlatformRequestContext, summary: ImportSummary? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let t: (String, String) -> String = context.language.pick
        var values: [String: Any] = [
            "heading": t("Läs in rapporter", "Read in reports"), "action": "/k/\(config.id)/ingest",
            "intro": t("Klistra in en rapportfil (CSV, JSON eller JSON Lines, se docs/reports.md). Allt sparas, eller inget.",
                       "Paste a report file (CSV, JSON or JSON Lines, see docs/reports.md). Everything is stored, or nothing."),
            "formatLabel": t("Format", "Format"), "contentLabel": t("Filens innehåll", "The file's content"), "submitText": t("Läs in", "Read in"),
        ]
        if let summary {
            values["summary"] = summary.committed
                ? t("\(summary.stored) nya, \(summary.corrected) rättade, \(summary.unchanged) oförändrade.",
                    "\(summary.stored) new, \(summary.corrected) corrected, \(summary.unchanged) unchanged.")
                : t("Inget sparat: \(summary.refused.count) rader har fel.", "Nothing stored: \(summary.refused.count) rows have problems.")
            values["problems"] = summary.refused.flatMap { row in row.problems.map { t("rad", "line") + " \(row.line): \($0)" } }
        }
        return services.pages.page("ingest", title: t("Läs in", "Read in"), values: values, context: context, status: status,
                                   nav: Navigation.links(for: context, current: "ingest"))
    }

    private func ingest(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let form = try await FormFields.read(request, context: context)
        let format = ReportFileReader.Format(rawValue: form["format"] ?? "csv") ?? .csv
        let summary: ImportSummary
        do {
            let reader = try ReportFileReader(name: "uppladdning", data: Data((form["content"] ?? "").utf8), format: format)
            summary = try await services.deliver(reader, config: config, actor: context.account?.login ?? "", action: "ingest", logger: context.logger)
        } catch let diagnostic as Diagnostic {
            summary = ImportSummary(source: "uppladdning", refusing: diagnostic)
        }
        return try ingestPage(context: context, summary: summary, status: summary.committed ? .ok : .unprocessableContent)
    }

    private func auditLog(context: PlatformRequestContext) throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let t: (String, String) -> String = context.language.pick
        let rows = try services.accounts.auditLog(kommun: config.id, limit: 500).map { event -> [String: Any] in
            ["at": Timestamp.text(event.at), "actor": event.actor, "action": event.action, "detail": event.detail]
        }
        return services.pages.page("audit", title: t("Logg", "Audit log"), values: [
            "heading": t("Logg för \(config.kommun.name)", "Audit log of \(config.kommun.name)"),
            "caption": t("De senaste 500 händelserna, nyast först", "The latest 500 events, newest first"),
            "columns": [t("Tid (UTC)", "Time (UTC)"), t("Vem", "Who"), t("Vad", "What"), t("Detaljer", "Details")], "rows": rows,
        ], context: context, nav: Navigation.links(for: context, current: "logg"))
    }
}
