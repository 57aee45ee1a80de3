import Foundation
import Hummingbird
import Platform
import Plugins

/// The meeting calendar as a subscription: each person gets a secret URL per kommun (revocable) that
/// Outlook or any calendar program polls; the URL alone gives the calendar, and only while the person still
/// has a role in the kommun.
struct CalendarRoutes {
    let services: ServerServices

    func add(to router: Router<PlatformRequestContext>, kommunGroup: RouterGroup<PlatformRequestContext>) {
        kommunGroup.get("kalender") { _, context in try page(context: context) }
        kommunGroup.post("kalender/revoke") { request, context in try await revoke(request, context: context) }
        router.get("calendar/:file") { _, context in try calendar(context: context) }
    }

    private func page(context: PlatformRequestContext) throws -> Response {
        try context.require(.reader)
        let config = try context.checkedKommun()
        guard let account = context.account else { throw HTTPError(.notFound) }
        let t: (String, String) -> String = context.language.pick
        let secret = try services.accounts.calendarSecret(accountID: account.id, kommun: config.id, now: services.now)
        return services.pages.page("calendar", title: t("Kalender", "Calendar"), values: [
            "heading": t("Prenumerera på mötena", "Subscribe to the meetings"),
            "intro": t("Lägg in adressen som internetkalender i Outlook (Lägg till kalender → Från internet). Den är personlig: dela den inte.",
                       "Add the address as an internet calendar in Outlook (Add calendar → From internet). It is personal: do not share it."),
            "url": services.configuration.absolute("/calendar/\(secret).ics"),
            "revokeHref": "/k/\(config.id)/kalender/revoke", "revokeText": t("Byt adress (den gamla slutar fungera)", "New address (the old one stops working)"),
        ], context: context, nav: Navigation.links(for: context, current: "kalender"))
    }

    private func revoke(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        try context.require(.reader)
        _ = try await FormFields.read(request, context: context)
        let config = try context.checkedKommun()
        guard let account = context.account else { throw HTTPError(.notFound) }
        try services.accounts.revokeCalendarSecret(accountID: account.id, kommun: config.id)
        services.audit("calendar.revoke", kommun: config.id, actor: account.login, logger: context.logger)
        return .redirect(to: "/k/\(config.id)/kalender", type: .normal)
    }

    private func calendar(context: PlatformRequestContext) throws -> Response {
        guard let file = context.parameters.get("file"), file.hasSuffix(".ics"),
              let (account, kommun) = try services.accounts.account(calendarSecret: String(file.dropLast(4))),
              !account.disabled, let role = account.role(in: kommun), role >= .reader,
              let config = services.kommuner.kommun(kommun) else { throw HTTPError(.notFound) }
        let today = services.today(for: config)
        let meetings = try MeetingPlanner(config: config, declaredIn: services.store).meetings(from: today.adding(days: -31), to: today.adding(days: 365))
        let text = try ICSCalendar(name: config.kommun.name, meetings: meetings, timeZone: config.kommun.timeZone, stamp: services.now).render()
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
