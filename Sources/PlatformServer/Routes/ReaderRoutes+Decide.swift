import Foundation
import Hummingbird
import Platform

/// Deciding a proposed intervention from the interventions page, for coordinators: the use case behind
/// `platform-cli insats decide` (`ReportStore.decide`), with the same defaults (the owner is the deciding
/// body, the start the day of the decision).
extension ReaderRoutes {
    private static let decisionFields = ["by", "on", "owner", "start", "plannedEnd"]

    /// The decision forms of the kommun's proposed interventions; `form` is the one sent back with its problems.
    func decisionValues(_ config: KommunConfig, context: PlatformRequestContext, form: CoordinatorForm?) throws -> [String: Any] {
        let t: (String, String) -> String = context.language.pick
        let today = services.today(for: config).description
        let bodies = config.organisation.bodies.map { ($0.id, $0.name) }
        let parties = bodies + config.organisation.roles.map { ($0.id, $0.title) } + config.organisations.map { ($0.id, $0.name) }
        let proposals = try services.store.interventions(kommun: config.id).filter { $0.status == .proposed }.map { intervention -> [String: Any] in
            let suffix = "-\(intervention.id)"
            var decision = CoordinatorForm(language: context.language, suffix: suffix)
            if let form, form.suffix == suffix { decision = form }
            if decision.values["on"] == nil { decision.values["on"] = today }
            return [
                "interventionID": intervention.id, "decideHref": "/k/\(config.id)/insatser/\(intervention.id)/decide",
                "legend": t("Besluta \(intervention.id): \(intervention.title)", "Decide \(intervention.id): \(intervention.title)"),
                "fields": [
                    decision.select("by", t("Beslutat av", "Decided by"), options: bodies, blank: t("Välj organ", "Choose a body")),
                    decision.input("on", t("Beslutsdag", "Day of the decision"), type: "date"),
                    decision.select("owner", t("Ansvarig", "Owner"), options: parties, blank: t("Samma som beslutande organ", "The deciding body"),
                                    optional: true),
                    decision.input("start", t("Startdag", "First day"), type: "date", optional: true,
                                   hint: t("Tomt: beslutsdagen.", "Empty: the day of the decision.")),
                    decision.input("plannedEnd", t("Planerat slut", "Planned end"), type: "date", optional: true),
                ],
            ]
        }
        var values: [String: Any] = ["proposals": proposals, "decideHeading": t("Besluta föreslagna insatser", "Decide proposed interventions"),
                                     "decideText": t("Besluta", "Decide")]
        values.merge((form ?? CoordinatorForm(language: context.language)).summaryValues(
            order: Self.decisionFields.map { $0 + (form?.suffix ?? "") })) { $1 }
        return values
    }

    func decide(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        guard let id = context.parameters.get("intervention"),
              try services.store.interventions(kommun: config.id).contains(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        let fields = try await FormFields.read(request, context: context)
        let t: (String, String) -> String = context.language.pick
        var form = CoordinatorForm(values: fields.values(Self.decisionFields), language: context.language, suffix: "-\(id)")
        let by = form.required("by", t("Välj organet som beslutade.", "Choose the body that decided."))
        let day = form.date("on", fallback: services.today(for: config))
        let start = form.date("start", fallback: day)
        let plannedEnd = form.date("plannedEnd", fallback: nil)
        guard let by, let day, let start, form.errors.isEmpty else {
            return try interventions(context: context, decision: form, status: .unprocessableContent)
        }
        do {
            try services.store.decide(id, InterventionDecision(decidedBy: by, decidedOn: day, owner: form.values["owner"] ?? by, start: start,
                                                               plannedEnd: plannedEnd), config: config, now: services.now)
        } catch let error as InterventionError {
            for problem in error.problems { Self.place(problem, in: &form, language: context.language) }
            return try interventions(context: context, decision: form, status: .unprocessableContent)
        }
        services.audit("intervention.decide", kommun: config.id, actor: context.account?.login ?? "",
                       detail: "\(id) by \(by) on \(day)", logger: context.logger)
        return .redirect(to: "/k/\(config.id)/insatser?decided=1", type: .normal)
    }

    /// A problem `decide` found, next to its field.
    private static func place(_ problem: String, in form: inout CoordinatorForm, language: Language) {
        let t: (String, String) -> String = language.pick
        let field: String
        let text: String
        if problem.contains("deciding body") {
            (field, text) = ("by", t("Välj ett organ i listan.", "Choose a body from the list."))
        } else if problem.contains("owner") {
            (field, text) = ("owner", t("Välj en ansvarig i listan.", "Choose an owner from the list."))
        } else if problem.contains("planned end") {
            (field, text) = ("plannedEnd", t("Planerat slut ligger före startdagen.", "The planned end is before the first day."))
        } else if problem.contains("already") {
            (field, text) = ("by", t("Insatsen är redan beslutad.", "The intervention is already decided."))
        } else if problem.contains("was proposed on") {
            (field, text) = ("on", t("Beslutsdagen ligger före förslaget.", "The day of the decision is before the proposal."))
        } else {
            (field, text) = ("by", problem)
        }
        form.errors[field + form.suffix] = text
    }
}
