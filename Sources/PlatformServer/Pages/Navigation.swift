import Platform

/// The menu of a kommun's pages, by what the person's role reaches.
enum Navigation {
    static func links(for context: PlatformRequestContext, current: String) -> [NavLink] {
        guard let config = context.kommun, let account = context.account else { return [] }
        let t: (String, String) -> String = context.language.pick
        let base = "/k/\(config.id)/"
        var links: [(String, String)] = []
        if account.reporter(in: config.id) != nil {
            links += [("rapport", t("Rapportera", "Report")), ("rapporter", t("Våra rapporter", "Our reports"))]
        }
        if let role = context.role, role >= .reader {
            links += [("lagesbild", t("Lägesbild", "Situation picture")), ("insatser", t("Insatser", "Interventions")),
                      ("rapportering", t("Rapportering", "Reporting")), ("kalender", t("Kalender", "Calendar"))]
        }
        if context.role == .coordinator {
            links += [("ingest", t("Läs in fil", "Upload a file")), ("status", t("Status", "Status")), ("anvandare", t("Användare", "Users")),
                      ("tokens", t("API-nycklar", "API tokens")), ("logg", t("Logg", "Audit log"))]
        }
        return links.map { NavLink(href: base + $0.0, label: $0.1, current: $0.0 == current) }
    }
}
