import Foundation
import Hummingbird
import Platform

/// The kommun's API tokens, for its coordinators: the list (revoked ones too), a new token (its secret shown
/// once), and revoking one. The same use cases as `platform-cli token` (`Accounts.addToken`,
/// `Accounts.revokeToken`), which write the audit log; another kommun's token ids answer 404.
struct TokenRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("tokens") { request, context in
            try page(context: context, flash: request.uri.queryParameters["revoked"] == nil ? nil : context.language.pick(
                "Nyckeln är återkallad och slutar fungera direkt.", "The token is revoked and stops working at once."))
        }
        group.post("tokens") { request, context in try await addToken(request, context: context) }
        group.post("tokens/:token/revoke") { request, context in try await revoke(request, context: context) }
    }

    private func page(context: PlatformRequestContext, form: CoordinatorForm? = nil, secret: String? = nil, flash: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let t: (String, String) -> String = context.language.pick
        let form = form ?? CoordinatorForm(language: context.language)
        let reporterName = { (id: String) in config.organisation(id)?.name ?? id }
        let rows = try services.accounts.apiTokens(kommun: config.id).map { token -> [String: Any] in
            ["id": String(token.id), "tokenName": token.name, "reporterText": token.reporter.map(reporterName) ?? t("alla", "any"),
             "created": Timestamp.text(token.createdAt), "revoked": token.revokedAt.map(Timestamp.text) ?? "",
             "revokeHref": token.revokedAt == nil ? "/k/\(config.id)/tokens/\(token.id)/revoke" : ""]
        }
        var values: [String: Any] = [
            "heading": t("API-nycklar för \(config.kommun.name)", "API tokens of \(config.kommun.name)"),
            "intro": t("System som levererar rapporter via API:t använder en nyckel. En nyckel kan bindas till en rapportör; den får då bara leverera som den.",
                       "Systems that deliver reports through the API use a token. A token may be bound to a reporter; it may then deliver only as that reporter."),
            "caption": t("Kommunens nycklar, även återkallade", "The kommun's tokens, revoked ones included"),
            "columns": [t("Nr", "No."), t("Namn", "Name"), t("Rapportör", "Reporter"), t("Skapad (UTC)", "Created (UTC)"),
                        t("Återkallad (UTC)", "Revoked (UTC)"), t("Åtgärd", "Action")],
            "rows": rows, "emptyText": t("Inga nycklar ännu.", "No tokens yet."), "revokeText": t("Återkalla", "Revoke"),
            "addHeading": t("Ny nyckel", "New token"), "action": "/k/\(config.id)/tokens", "submitID": "submit-token", "submitText": t("Skapa nyckel", "Create token"),
            "fields": [
                form.input("name", t("Namn (systemet som använder den)", "Name (the system that uses it)"), extra: ["autocomplete": "off"]),
                form.select("reporter", t("Rapportör", "Reporter"), options: config.reporters.map { ($0.id, reporterName($0.id)) },
                            blank: t("Alla rapportörer", "Any reporter"), optional: true),
            ],
            "secret": secret ?? "",
            "secretText": t("Nyckeln visas bara nu. Lägg in den i systemet som Authorization: Bearer NYCKEL.",
                            "The token is shown only now. Put it in the system as Authorization: Bearer TOKEN."),
        ]
        values.merge(form.summaryValues(order: ["name", "reporter"])) { $1 }
        return services.pages.page("tokens", title: t("API-nycklar", "API tokens"), values: values, context: context, status: status,
                                   nav: Navigation.links(for: context, current: "tokens"), flash: flash)
    }

    private func addToken(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        let fields = try await FormFields.read(request, context: context)
        let t: (String, String) -> String = context.language.pick
        var form = CoordinatorForm(values: fields.values(["name", "reporter"]), language: context.language)
        guard let name = form.required("name", t("Skriv ett namn på nyckeln.", "Write a name for the token.")) else {
            return try page(context: context, form: form, status: .unprocessableContent)
        }
        do {
            let (secret, _) = try Accounts.addToken(name: name, reporter: form.values["reporter"], config: config, store: services.store,
                                                    actor: context.account?.login ?? "", now: services.now)
            return try page(context: context, secret: secret)
        } catch AccountError.invalidMembership {
            form.errors["reporter"] = t("Välj en rapportör i listan.", "Choose a reporter from the list.")
            return try page(context: context, form: form, status: .unprocessableContent)
        }
    }

    private func revoke(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        _ = try await FormFields.read(request, context: context)
        guard let id = context.parameters.get("token").flatMap(Int64.init) else { throw HTTPError(.notFound) }
        do {
            try Accounts.revokeToken(id: id, kommun: config.id, store: services.store, actor: context.account?.login ?? "", now: services.now)
        } catch AccountError.unknownToken {
            throw HTTPError(.notFound)
        }
        return .redirect(to: "/k/\(config.id)/tokens?revoked=1", type: .normal)
    }
}
