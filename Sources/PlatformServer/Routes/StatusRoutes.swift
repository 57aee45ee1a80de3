import Foundation
import Hummingbird
import Platform

/// An area's assessed status, for coordinators: a body sets it with a reason from a day on (the use case
/// behind `platform-cli status set`, `ReportStore.setAreaStatus`), and every status set is listed. The
/// lägesbild shows the latest one set on or before its period's end beside the computed status.
struct StatusRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("status") { request, context in
            try page(context: context, flash: request.uri.queryParameters["set"] == nil ? nil : context.language.pick(
                "Statusen är satt.", "The status is set."))
        }
        group.post("status") { request, context in try await setStatus(request, context: context) }
    }

    private static let fieldOrder = ["area", "status", "body", "date", "reason"]

    private func page(context: PlatformRequestContext, form: CoordinatorForm? = nil, flash: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let language = context.language
        let t: (String, String) -> String = language.pick
        let rules = config.lagesbild.status
        let today = services.today(for: config)
        var form = form ?? CoordinatorForm(language: language)
        if form.values["date"] == nil { form.values["date"] = today.description }
        let areaNames = Dictionary(config.allAreas.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = try services.store.areaStatusAssessments(kommun: config.id).reversed().map { assessment -> [String: Any] in
            ["cells": [assessment.date.description, areaNames[assessment.area] ?? assessment.area, rules.name(assessment.status, language),
                       config.partyName(assessment.body), assessment.reason]]
        }
        var values: [String: Any] = [
            "heading": t("Bedömd status för områden", "Assessed status of areas"),
            "intro": t("Ett organ bedömer ett områdes status, med skäl, från en dag. Lägesbilden visar den senaste bedömningen bredvid den beräknade statusen.",
                       "A body assesses an area's status, with its reason, from a day on. The lägesbild shows the latest assessment beside the computed status."),
            "action": "/k/\(config.id)/status", "submitText": t("Sätt status", "Set the status"),
            "fields": [
                form.select("area", t("Område", "Area"), options: config.allAreas.map { ($0.id, $0.name) }, blank: t("Välj område", "Choose an area")),
                form.select("status", t("Status", "Status"), options: Lagesbild.Status.allCases.map { ($0.rawValue, rules.name($0, language)) },
                            blank: t("Välj status", "Choose a status")),
                form.select("body", t("Bedömd av", "Assessed by"), options: config.organisation.bodies.map { ($0.id, $0.name) },
                            blank: t("Välj organ", "Choose a body")),
                form.input("date", t("Gäller från", "Applies from"), type: "date"),
                form.textArea("reason", t("Skäl", "Reason"), hint: t("Vad organet såg. Skriv inga namn eller andra personuppgifter.",
                                                                     "What the body saw. Write no names or other personal data.")),
            ],
            "historyHeading": t("Alla bedömningar", "Every assessment"),
            "caption": t("Bedömningar, senaste först", "Assessments, latest first"),
            "columns": [t("Från", "From"), t("Område", "Area"), t("Status", "Status"), t("Bedömd av", "Assessed by"), t("Skäl", "Reason")],
            "rows": rows, "emptyText": t("Ingen status är satt ännu.", "No status has been set yet."),
        ]
        values.merge(form.summaryValues(order: Self.fieldOrder)) { $1 }
        return services.pages.page("area-status", title: t("Status", "Status"), values: values, context: context, status: status,
                                   nav: Navigation.links(for: context, current: "status"), flash: flash)
    }

    private func setStatus(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let fields = try await FormFields.read(request, context: context)
        let t: (String, String) -> String = context.language.pick
        var form = CoordinatorForm(values: fields.values(Self.fieldOrder), language: context.language)
        let area = form.required("area", t("Välj ett område.", "Choose an area."))
        let level = form.required("status", t("Välj en status.", "Choose a status.")).flatMap { config.lagesbild.status.status(named: $0) }
        if form.values["status"] != nil, level == nil { form.errors["status"] = t("Välj en status i listan.", "Choose a status from the list.") }
        let body = form.required("body", t("Välj organet som bedömt.", "Choose the body that assessed it."))
        let day = form.date("date", fallback: services.today(for: config))
        let reason = form.required("reason", t("Skriv varför området har den statusen.", "Write why the area has that status."))
        guard let area, let level, let body, let day, let reason, form.errors.isEmpty else {
            return try page(context: context, form: form, status: .unprocessableContent)
        }
        do {
            try services.store.setAreaStatus(AreaStatusAssessment(area: area, status: level, body: body, date: day, reason: reason),
                                             config: config, now: services.now)
        } catch let error as AreaStatusError {
            for problem in error.problems { place(problem, in: &form, language: context.language) }
            return try page(context: context, form: form, status: .unprocessableContent)
        }
        services.audit("status.set", kommun: config.id, actor: context.account?.login ?? "",
                       detail: "\(area): \(level.rawValue) from \(day) by \(body)", logger: context.logger)
        return .redirect(to: "/k/\(config.id)/status?set=1", type: .normal)
    }

    /// A problem `setAreaStatus` found, next to its field; personal data in the reason empties it (never sent back).
    private func place(_ problem: String, in form: inout CoordinatorForm, language: Language) {
        let t: (String, String) -> String = language.pick
        if problem.hasPrefix("unknown area") {
            form.errors["area"] = t("Välj ett område i listan.", "Choose an area from the list.")
        } else if problem.contains("assessing body") {
            form.errors["body"] = t("Välj ett organ i listan.", "Choose a body from the list.")
        } else if problem.contains("personal data") {
            form.values["reason"] = nil
            form.errors["reason"] = t("Skälet innehöll personuppgifter och har tömts. Personuppgifter sparas inte – beskriv platsen, inte personer.",
                                      "The reason held personal data and has been emptied. Personal data is not stored – describe the place, not persons.")
        } else {
            form.errors["reason"] = problem
        }
    }
}
