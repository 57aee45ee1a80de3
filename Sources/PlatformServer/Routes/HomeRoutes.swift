import Hummingbird
import Platform

/// The start page (the kommuner a person has a role in) and each kommun's start page.
struct HomeRoutes {
    let services: ServerServices

    func add(to router: Router<PlatformRequestContext>, kommunGroup: RouterGroup<PlatformRequestContext>) {
        router.get("/") { request, context in try home(request, context: context) }
        kommunGroup.get("") { _, context in try kommunPage(context: context) }
    }

    private func home(_ request: Request, context: PlatformRequestContext) throws -> Response {
        guard let account = context.account else { return .redirect(to: "/login", type: .normal) }
        let t: (String, String) -> String = context.language.pick
        let kommuner = services.kommuner.all.compactMap { config -> [String: Any]? in
            guard let role = account.role(in: config.id) else { return nil }
            return ["id": config.id, "name": config.kommun.name, "role": Self.roleName(role, account: account, kommun: config.id, context.language)]
        }
        if kommuner.count == 1, let id = kommuner.first?["id"] as? String { return .redirect(to: "/k/\(id)/", type: .normal) }
        return services.pages.page("home", title: t("Start", "Start"), values: [
            "heading": t("Välj kommun", "Choose a kommun"), "kommuner": kommuner,
            "noneText": t("Du har ingen roll i någon kommun ännu. Kontakta er samordnare.", "You have no role in any kommun yet. Contact your coordinator."),
            "adminText": account.isAdmin ? t("Logg för hela plattformen", "Audit log of the whole platform") : "",
        ], context: context)
    }

    static func roleName(_ role: Role, account: Account, kommun: String, _ language: Language) -> String {
        if account.isAdmin { return language.pick("administratör", "administrator") }
        switch role {
        case .reporter: return language.pick("rapportör", "reporter") + (account.reporter(in: kommun).map { " (\($0))" } ?? "")
        case .reader: return language.pick("läsare", "reader")
        case .coordinator: return language.pick("samordnare", "coordinator")
        }
    }

    private func kommunPage(context: PlatformRequestContext) throws -> Response {
        let config = try context.checkedKommun()
        let links = Navigation.links(for: context, current: "").map { ["href": $0.href, "label": $0.label] }
        return services.pages.page("kommun", title: config.kommun.name, values: ["heading": config.kommun.name, "links": links],
                                   context: context, nav: Navigation.links(for: context, current: ""))
    }
}
