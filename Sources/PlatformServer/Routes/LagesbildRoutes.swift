import Crypto
import Foundation
import Hummingbird
import Platform
import Plugins

/// The lägesbild in the browser: the HTML exporter's page inside the application, with periods to move
/// between, an area to choose and a download in every format the platform has.
struct LagesbildRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("lagesbild") { request, context in try page(request, context: context) }
        group.get("lagesbild/download") { request, context in try download(request, context: context) }
    }

    /// What the request asks for: period (default: the last complete one), area, and the compiled lägesbild.
    private func compile(_ request: Request, context: PlatformRequestContext, parts: Lagesbild.Parts = .all)
        throws -> (lagesbild: Lagesbild, period: Period, area: String?) {
        try context.require(.reader)
        let config = try context.checkedKommun()
        let query = request.uri.queryParameters
        let area = query["area"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let area, config.area(area) == nil { throw HTTPError(.notFound) }
        let periodText = query["period"].map(String.init) ?? "last"
        let compiled = try services.compileLagesbild(config, period: periodText, area: area, language: context.language, parts: parts)
        return (compiled.lagesbild, compiled.period, area)
    }

    private func page(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let config = try context.checkedKommun()
        let compiled: (lagesbild: Lagesbild, period: Period, area: String?)
        do {
            compiled = try compile(request, context: context)
        } catch let error as LagesbildChoiceError {
            return services.pages.error(.badRequest, context: context, message: error.description)
        }
        let html = String(decoding: try HTMLExporter().export(compiled.lagesbild, options: ExportOptions(language: context.language)), as: UTF8.self)
        let (style, body) = Self.split(html)
        let t: (String, String) -> String = context.language.pick
        let today = services.today(for: config)
        func href(_ period: Period) -> String {
            "/k/\(config.id)/lagesbild?period=\(period.description)" + (compiled.area.map { "&area=\($0)" } ?? "")
        }
        let downloads = services.configuration.exporters.formats.map { format in
            ["id": format.id, "name": format.name,
             "href": "/k/\(config.id)/lagesbild/download?period=\(compiled.period.description)&format=\(format.id)" + (compiled.area.map { "&area=\($0)" } ?? "")]
        }
        let bar = services.pages.render("lagesbild-bar", values: [
            "barLabel": t("Period, område och nedladdning", "Period, area and download"),
            "prevHref": href(compiled.period.previous), "prevLabel": compiled.period.previous.label(context.language),
            "nextHref": compiled.period.next.start <= today ? href(compiled.period.next) : "",
            "nextLabel": compiled.period.next.label(context.language),
            "periodLabel": compiled.period.label(context.language), "period": compiled.period.description,
            "areaLabel": t("Område", "Area"), "wholeKommun": t("Hela kommunen", "The whole kommun"), "showText": t("Visa", "Show"),
            "areas": config.allAreas.map { ["id": $0.id, "name": $0.name, "selected": $0.id == compiled.area] as [String: Any] },
            "downloadLabel": t("Ladda ner", "Download"), "downloads": downloads,
        ])
        let nav = Navigation.links(for: context, current: "lagesbild")
        let digest = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        let policy = SecurityHeadersMiddleware<PlatformRequestContext>.policy
            .replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' 'sha256-\(digest)'")
        return services.pages.document(content: bar + body.replacingOccurrences(of: "<main>", with: "<main id=\"main\">"),
                                       title: t("Lägesbild", "Situation picture"), context: context, nav: nav, wrapMain: false,
                                       extraStyle: style, headers: [.contentSecurityPolicy: policy])
    }

    /// The style sheet and the body of an exported HTML page.
    static func split(_ html: String) -> (style: String, body: String) {
        func between(_ open: String, _ close: String) -> String {
            guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex) else { return "" }
            return String(html[start.upperBound..<end.lowerBound])
        }
        return (between("<style>", "</style>"), between("<body>", "</body>"))
    }

    private func download(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let id = request.uri.queryParameters["format"].map(String.init) ?? "json"
        guard let exporter = try? services.configuration.exporters.exporter(id) else { throw HTTPError(.notFound) }
        let compiled = try compile(request, context: context, parts: exporter.parts)
        let data = try exporter.export(compiled.lagesbild, options: ExportOptions(language: context.language))
        let name = LagesbildWriter.fileName(for: compiled.lagesbild, exporter: exporter, among: [exporter])
        return Response(status: .ok, headers: [.contentType: exporter.mediaType, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension ServerServices {
    /// One kommun's lägesbild for `period` (an id, `last` or `current`) and `area`: the same use case the
    /// command line's `lagesbild` runs.
    func compileLagesbild(_ config: KommunConfig, period text: String, area: String?, language: Language,
                          parts: Lagesbild.Parts) throws -> (lagesbild: Lagesbild, period: Period) {
        let (definition, period) = try config.lagesbild(id: nil, period: text, area: area, today: today(for: config))
        let lagesbild = try LagesbildCompiler(config: config, store: store, now: now, area: area)
            .compile(period: period, language: language, parts: parts, as: definition)
        return (lagesbild, period)
    }
}
