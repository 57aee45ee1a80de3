import Foundation
import Hummingbird
import Platform

/// What readers look at besides the lägesbild: the interventions, and who has reported this period.
struct ReaderRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("insatser") { request, context in
            try interventions(context: context, flash: request.uri.queryParameters["decided"] == nil ? nil : context.language.pick(
                "Beslutet är sparat.", "The decision is saved."))
        }
        group.post("insatser/:intervention/decide") { request, context in try await decide(request, context: context) }
        group.get("rapportering") { request, context in try reporting(request, context: context) }
    }

    /// The interventions; a coordinator also gets a decision form for each proposed one (`decision`: the one
    /// sent back with its problems).
    func interventions(context: PlatformRequestContext, decision: CoordinatorForm? = nil, flash: String? = nil,
                       status: HTTPResponse.Status = .ok) throws -> Response {
        try context.require(.reader)
        let config = try context.checkedKommun()
        let t: (String, String) -> String = context.language.pick
        let statuses: [Intervention.Status: String] = [.proposed: t("föreslagen", "proposed"), .decided: t("beslutad", "decided"), .ended: t("avslutad", "ended")]
        let rows = try services.store.interventions(kommun: config.id).map { intervention -> [String: Any] in
            ["cells": [intervention.id, intervention.title, statuses[intervention.status] ?? intervention.status.rawValue,
                       intervention.areas.map { config.area($0)?.name ?? $0 }.joined(separator: ", "), intervention.owner ?? "",
                       intervention.start?.description ?? "", intervention.plannedEnd?.description ?? ""]]
        }
        var values: [String: Any] = [
            "heading": t("Insatser i \(config.kommun.name)", "Interventions in \(config.kommun.name)"),
            "caption": t("Föreslagna, beslutade och avslutade insatser", "Proposed, decided and ended interventions"),
            "columns": [t("Id", "Id"), t("Insats", "Intervention"), t("Status", "Status"), t("Områden", "Areas"), t("Ansvarig", "Owner"),
                        t("Start", "Start"), t("Planerat slut", "Planned end")],
            "rows": rows, "emptyText": t("Inga insatser ännu.", "No interventions yet."),
        ]
        if context.role == .coordinator { values.merge(try decisionValues(config, context: context, form: decision)) { $1 } }
        return services.pages.page(context.role == .coordinator ? "interventions-coordinator" : "interventions", title: t("Insatser", "Interventions"),
                                   values: values, context: context, status: status, nav: Navigation.links(for: context, current: "insatser"), flash: flash)
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
