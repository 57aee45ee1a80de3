import Foundation
import Hummingbird
import Platform

/// The reporter's pages: the form (several events at once, or "inget att rapportera"), the organisation's
/// reports this period, and correcting or withdrawing one. Every submission goes the way a file does:
/// `ReportIngestor` with the kommun's validator and privacy guard, all or nothing, revisions kept.
struct ReportRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("rapport") { request, context in try formPage(request, context: context) }
        group.post("rapport") { request, context in try await submit(request, context: context) }
        group.get("rapporter") { request, context in try ownReports(request, context: context) }
        group.get("rapporter/:ref/r%C3%A4tta") { request, context in try correctionPage(request, context: context) }
        group.get("rapporter/:ref/rätta") { request, context in try correctionPage(request, context: context) }
        group.post("rapporter/:ref/r%C3%A4tta") { request, context in try await submit(request, context: context) }
        group.post("rapporter/:ref/rätta") { request, context in try await submit(request, context: context) }
        group.post("rapporter/:ref/withdraw") { request, context in try await withdraw(request, context: context) }
    }

    /// The reporter organisation the person reports for in this kommun; others may not use these pages.
    private func reporter(_ context: PlatformRequestContext) throws -> (KommunConfig, String) {
        let config = try context.checkedKommun()
        guard let reporter = context.account?.reporter(in: config.id) else { throw HTTPError(.notFound) }
        return (config, reporter)
    }

    private func model(_ config: KommunConfig, _ context: PlatformRequestContext) -> ReportFormModel {
        ReportFormModel(config: config, language: context.language, today: services.today(for: config))
    }

    private func formPage(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let (config, _) = try reporter(context)
        let count = min(max(Int(request.uri.queryParameters["events"].map(String.init) ?? "") ?? 1, 1), 20)
        return render(config, context: context, entries: Array(repeating: [:], count: count), errors: [:], ref: nil)
    }

    private func render(_ config: KommunConfig, context: PlatformRequestContext, entries: [ReportFormModel.Entry],
                        errors: [Int: [String: String]], ref: String?, status: HTTPResponse.Status = .ok) -> Response {
        let model = model(config, context)
        let t: (String, String) -> String = context.language.pick
        let summary = errors.sorted { $0.key < $1.key }.flatMap { n, fields in
            fields.sorted { $0.key < $1.key }.map { ["field": "\($0)-\(n)", "message": (entries.count > 1 ? t("Händelse \(n): ", "Event \(n): ") : "") + $1] }
        }
        let action = ref.map { "/k/\(config.id)/rapporter/\(Self.pathComponent($0))/rätta" } ?? "/k/\(config.id)/rapport"
        let title = ref == nil ? t("Rapportera", "Report") : t("Rätta rapport", "Correct a report")
        return services.pages.page("report-form", title: title, values: [
            "heading": title, "action": action, "ref": ref ?? "", "eventCount": entries.count,
            "intro": t("Rapportera det du har sett i \(config.kommun.name). Fält utan markering måste fyllas i.",
                       "Report what you have seen in \(config.kommun.name). Fields not marked optional are required."),
            "events": entries.enumerated().map { model.event($0.offset + 1, entry: $0.element, errors: errors[$0.offset + 1] ?? [:], single: entries.count == 1) },
            "errors": summary, "errorHeading": t("Rätta följande", "Please correct the following"),
            "addText": t("Lägg till händelse", "Add an event"), "submitText": t("Skicka", "Send"),
            "nothingText": t("Inget att rapportera", "Nothing to report"),
        ], context: context, status: status, nav: Navigation.links(for: context, current: "rapport"))
    }

    private func submit(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let (config, reporter) = try reporter(context)
        let form = try await FormFields.read(request, context: context)
        let ref = context.parameters.get("ref").flatMap { $0.removingPercentEncoding }
        let count = min(max(Int(form["events"] ?? "") ?? 1, 1), 20)
        let entries: [ReportFormModel.Entry] = (1...count).map { n in
            Dictionary(uniqueKeysWithValues: ReportFormModel.columns.compactMap { column in form["\(column)-\(n)"].map { (column, $0) } })
        }
        let t: (String, String) -> String = context.language.pick
        let period = Period(containing: services.today(for: config), kind: config.lagesbild.period)
        switch form["submit"] {
        case "add" where ref == nil:
            return render(config, context: context, entries: entries + [[:]], errors: [:], ref: nil)
        case "nothing" where ref == nil:
            try services.store.recordNothingToReport(kommun: config.id, reporter: reporter, period: period, source: Self.source, now: services.now)
            services.audit("report.nothing", kommun: config.id, actor: context.account?.login ?? "", detail: "\(reporter) \(period.description)", logger: context.logger)
            return .redirect(to: "/k/\(config.id)/rapporter?nothing=1", type: .normal)
        default:
            break
        }
        // An event counts when anything but its pre-filled date is given.
        let given = entries.enumerated().filter { $0.element.keys.contains { $0 != "date" } }
        guard !given.isEmpty else {
            return render(config, context: context, entries: entries, errors: [1: ["area": t(
                "Fyll i minst en händelse, eller välj Inget att rapportera.", "Fill in at least one event, or choose Nothing to report.")]],
                ref: ref, status: .unprocessableContent)
        }
        let rows: [RawReport] = given.map { index, entry in
            var raw = RawReport(line: index + 1)
            for column in ReportColumn.allCases {
                if let value = entry[column.rawValue] { raw[column] = value }
            }
            raw[.reporter] = reporter
            raw[.id] = ref ?? "web-" + String(SecretToken.make().prefix(16))
            return raw
        }
        let summary = try ingestor(config).ingest(FormRows(name: Self.source, rows: rows), store: services.store)
        guard summary.committed else {
            let model = model(config, context)
            var errors: [Int: [String: String]] = [:]
            var shown = entries
            for row in summary.refused {
                for message in row.problems {
                    let problem = model.problem(message)
                    errors[row.line, default: [:]][problem.column] = errors[row.line]?[problem.column].map { $0 + " " + problem.text } ?? problem.text
                    // Personal data is never sent back: the field comes back empty, to be written again without it.
                    if problem.isPersonalData, shown.indices.contains(row.line - 1) { shown[row.line - 1][problem.column] = nil }
                }
            }
            return render(config, context: context, entries: shown, errors: errors, ref: ref, status: .unprocessableContent)
        }
        let action = ref == nil ? "report.submit" : "report.correct"
        services.audit(action, kommun: config.id, actor: context.account?.login ?? "",
                       detail: "\(reporter): \(summary.stored) new, \(summary.corrected) corrected", logger: context.logger)
        return .redirect(to: "/k/\(config.id)/rapporter?sent=\(summary.stored + summary.corrected)", type: .normal)
    }

    private func ingestor(_ config: KommunConfig) -> ReportIngestor {
        ReportIngestor(config: config, storePath: services.configuration.storePath, today: services.today(for: config), now: services.now)
    }

    /// What the store names deliveries from the form.
    static let source = "webbformulär"

    private func ownReports(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let (config, reporter) = try reporter(context)
        let t: (String, String) -> String = context.language.pick
        let lagesbild = config.lagesbild
        let periodText = request.uri.queryParameters["period"].map(String.init) ?? "current"
        let period = (try? lagesbild.period(periodText, today: services.today(for: config)))
            ?? Period(containing: services.today(for: config), kind: lagesbild.period)
        let reports = try services.store.reports(kommun: config.id, reporter: reporter, from: period.start, to: period.end)
        let rows: [[String: Any]] = reports.map { report in
            let ref = report.ref ?? ""
            return ["ref": ref, "date": report.date.description, "time": report.time ?? "",
                    "area": config.area(report.area)?.name ?? report.area,
                    "indicator": config.checklist.indicators.first { $0.id == report.indicator }?.name.text(context.language) ?? report.indicator,
                    "value": report.value, "place": report.place ?? "", "note": report.note ?? "",
                    "correctHref": "/k/\(config.id)/rapporter/\(Self.pathComponent(ref))/rätta",
                    "withdrawHref": "/k/\(config.id)/rapporter/\(Self.pathComponent(ref))/withdraw",
                    "csrf": context.session?.csrfToken ?? ""]
        }
        var flash: String?
        if let sent = request.uri.queryParameters["sent"].flatMap({ Int($0) }) { flash = t("Tack! \(sent) rapporter sparade.", "Thank you! \(sent) reports saved.") }
        if request.uri.queryParameters["nothing"] != nil { flash = t("Noterat: inget att rapportera denna period.", "Noted: nothing to report this period.") }
        if request.uri.queryParameters["withdrawn"] != nil { flash = t("Rapporten är återkallad.", "The report is withdrawn.") }
        let organisation = config.organisations.first { $0.id == reporter }?.name ?? reporter
        return services.pages.page("own-reports", title: t("Våra rapporter", "Our reports"), values: [
            "heading": t("Rapporter från \(organisation)", "Reports from \(organisation)"),
            "periodLabel": t("Period", "Period"), "period": period.description, "showText": t("Visa", "Show"),
            "caption": t("Rapporter \(period.label(context.language))", "Reports \(period.label(context.language))"),
            "columns": [t("Datum", "Date"), t("Område", "Area"), t("Indikator", "Indicator"), t("Värde", "Value"),
                        t("Plats", "Place"), t("Anteckning", "Note"), t("Åtgärd", "Action")],
            "rows": rows, "correctText": t("Rätta", "Correct"), "withdrawText": t("Återkalla", "Withdraw"),
            "emptyText": t("Inga rapporter denna period.", "No reports this period."),
            "formHref": "/k/\(config.id)/rapport", "newText": t("Rapportera fler händelser", "Report more events"),
        ], context: context, nav: Navigation.links(for: context, current: "rapporter"), flash: flash)
    }

    private func correctionPage(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let (config, reporter) = try reporter(context)
        guard let ref = context.parameters.get("ref").flatMap({ $0.removingPercentEncoding }),
              let report = try current(ref, config: config, reporter: reporter) else { throw HTTPError(.notFound) }
        var entry: ReportFormModel.Entry = ["date": report.date.description, "area": report.area, "indicator": report.indicator,
                                            "value": String(report.value)]
        entry["time"] = report.time
        entry["place"] = report.place
        entry["note"] = report.note
        return render(config, context: context, entries: [entry], errors: [:], ref: ref)
    }

    private func withdraw(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let (config, reporter) = try reporter(context)
        _ = try await FormFields.read(request, context: context)
        guard let ref = context.parameters.get("ref").flatMap({ $0.removingPercentEncoding }),
              try current(ref, config: config, reporter: reporter) != nil else { throw HTTPError(.notFound) }
        try services.store.withdraw(kommun: config.id, reporter: reporter, ref: ref, source: Self.source, now: services.now)
        services.audit("report.withdraw", kommun: config.id, actor: context.account?.login ?? "", detail: "\(reporter) \(ref)", logger: context.logger)
        return .redirect(to: "/k/\(config.id)/rapporter?withdrawn=1", type: .normal)
    }

    /// The organisation's current report with `ref`, looked for over the last year (a reporter corrects
    /// recent reports; an older one is corrected by a file).
    private func current(_ ref: String, config: KommunConfig, reporter: String) throws -> StoredReport? {
        let today = services.today(for: config)
        return try services.store.reports(kommun: config.id, reporter: reporter, from: today.adding(days: -366), to: today)
            .first { $0.ref == ref }
    }

    static func pathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_"))) ?? text
    }
}
