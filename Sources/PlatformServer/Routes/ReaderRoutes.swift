import Foundation
import Hummingbird
import Platform

/// What readers look at besides the lägesbild: the interventions, and who has reported this period.
struct ReaderRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("insatser") { _, context in try interventions(context: context) }
        group.get("rapportering") { request, context in try reporting(request, context: context) }
    }

    private func interventions(context: PlatformRequestContext) throws -> Response {
        try context.require(.reader)
        let config = try context.checkedKommun()
        let t: (String, String) -> String = context.language.pick
        let statuses: [Intervention.Status: String] = [.proposed: t("föreslagen", "proposed"), .decided: t("beslutad", "decided"), .ended: t("avslutad", "ended")]
        let rows = try services.store.interventions(kommun: config.id).map { intervention -> [String: Any] in
            ["cells": [intervention.id, intervention.title, statuses[intervention.status] ?? intervention.status.rawValue,
                       intervention.areas.map { config.area($0)?.name ?? $0 }.joined(separator: ", "), intervention.owner ?? "",
                       intervention.start?.description ?? "", intervention.plannedEnd?.description ?? ""]]
        }
        return services.pages.page("interventions", title: t("Insatser", "Interventions"), values: [
            "heading": t("Insatser i \(config.kommun.name)", "Interventions in \(config.kommun.name)"),
            "caption": t("Föreslagna, beslutade och avslutade insatser", "Proposed, decided and ended interventions"),
            "columns": [t("Id", "Id"), t("Insats", "Intervention"), t("Status", "Status"), t("Områden", "Areas"), t("Ansvarig", "Owner"),
                        t("Start", "Start"), t("Planerat slut", "Planned end")],
            "rows": rows, "emptyText": t("Inga insatser ännu.", "No interventions yet."),
        ], context: context, nav: Navigation.links(for: context, current: "insatser"))
    }

    private func reporting(_ request: Request, context: PlatformRequestContext) throws -> Response {
        try context.require(.reader)
        let config = try context.checkedKommun()
        let t: (String, String) -> String = context.language.pick
        let periodText = request.uri.queryParameters["period"].map(String.init) ?? "current"
        let (lagesbild, period) = try services.compileLagesbild(config, period: periodText, area: nil, language: context.language, parts: [.reporting])
        let completeness = lagesbild.completeness
        let rows = completeness.reporters.map { reporter -> [String: Any] in
            ["cells": [reporter.name, reporter.expected ? t("ja", "yes") : t("nej", "no"),
                       reporter.reported ? t("rapporterat", "reported") : t("inte rapporterat", "not reported"), String(reporter.rows)]]
        }
        return services.pages.page("reporting", title: t("Rapportering", "Reporting"), values: [
            "heading": t("Rapportering \(period.label(context.language))", "Reporting \(period.label(context.language))"),
            "summary": t("\(completeness.reported) av \(completeness.expected) förväntade rapportörer har rapporterat. Sista dag: \(completeness.due).",
                         "\(completeness.reported) of \(completeness.expected) expected reporters have reported. Due: \(completeness.due)."),
            "caption": t("Rapportörer", "Reporters"),
            "columns": [t("Rapportör", "Reporter"), t("Förväntad", "Expected"), t("Status", "Status"), t("Rader", "Rows")],
            "rows": rows,
        ], context: context, nav: Navigation.links(for: context, current: "rapportering"))
    }
}
