import Foundation
import Hummingbird
import Platform

/// The platform admin's own page: the whole audit log, the platform-wide events (logins, accounts, second
/// factors) with every kommun's. Anyone else gets the 404 of a page that does not exist.
struct AdminRoutes {
    let services: ServerServices

    func add(to router: Router<PlatformRequestContext>) {
        router.get("admin/logg") { _, context in try auditLog(context: context) }
    }

    private func auditLog(context: PlatformRequestContext) throws -> Response {
        guard context.account?.isAdmin == true else { throw HTTPError(.notFound) }
        let t: (String, String) -> String = context.language.pick
        let rows = try services.accounts.auditLog(kommun: nil, limit: 1000).map { event -> [String: Any] in
            ["at": Timestamp.text(event.at), "actor": event.actor, "action": event.action,
             "detail": (event.kommun.map { "\($0): " } ?? "") + event.detail]
        }
        return services.pages.page("audit", title: t("Logg", "Audit log"), values: [
            "heading": t("Logg för hela plattformen", "Audit log of the whole platform"),
            "caption": t("De senaste 1 000 händelserna, nyast först; kommunens id före detaljerna", "The latest 1,000 events, newest first; the kommun's id before the details"),
            "columns": [t("Tid (UTC)", "Time (UTC)"), t("Vem", "Who"), t("Vad", "What"), t("Detaljer", "Details")], "rows": rows,
        ], context: context)
    }
}
