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

    /// The lägesbild the request asks for (period, default the last complete one; area) in `exporter`'s format,
    /// made into what `make` makes of it and kept under `name`.
    private func export<Output: Sendable>(_ request: Request, context: PlatformRequestContext, exporter: any Exporter,
                                          as name: String? = nil, make: @escaping (Data) -> Output)
        throws -> (lagesbild: Lagesbild, period: Period, area: String?, data: Output) {
        try context.require(.reader)
        let config = try context.checkedKommun()
        let query = request.uri.queryParameters
        let area = query["area"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let area, config.area(area) == nil { throw HTTPError(.notFound) }
        let periodText = query["period"].map(String.init) ?? "last"
        let exported = try services.exportLagesbild(config, period: periodText, area: area, language: context.language,
                                                    exporter: exporter, as: name ?? exporter.id, make: make)
        return (exported.lagesbild, exported.period, area, exported.data)
    }

    private func page(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let config = try context.checkedKommun()
        let compiled: (lagesbild: Lagesbild, period: Period, area: String?, data: EmbeddedPage)
        do {
            compiled = try export(request, context: context, exporter: HTMLExporter(), as: "page", make: EmbeddedPage.init)
        } catch let error as LagesbildChoiceError {
            return services.pages.error(.badRequest, context: context, message: error.description)
        }
        let (style, body, digest) = (compiled.data.style, compiled.data.body, compiled.data.digest)
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
        let policy = SecurityHeadersMiddleware<PlatformRequestContext>.policy
            .replacingOccurrences(of: "style-src 'self'", with: "style-src 'self' 'sha256-\(digest)'")
        return services.pages.document(content: bar + body,
                                       title: t("Lägesbild", "Situation picture"), context: context, nav: nav, wrapMain: false,
                                       extraStyle: style, headers: [.contentSecurityPolicy: policy])
    }

    private func download(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let id = request.uri.queryParameters["format"].map(String.init) ?? "json"
        guard let exporter = try? services.configuration.exporters.exporter(id) else { throw HTTPError(.notFound) }
        let exported = try export(request, context: context, exporter: exporter) { $0 }
        let name = LagesbildWriter.fileName(for: exported.lagesbild, exporter: exporter, among: [exporter])
        return Response(status: .ok, headers: [.contentType: exporter.mediaType, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: exported.data)))
    }
}

extension ServerServices {
    /// One kommun's lägesbild for `period` (an id, `last` or `current`) and `area`: the same use case the
    /// command line's `lagesbild` runs, kept while the store does not change (`LagesbildCache`).
    func compileLagesbild(_ config: KommunConfig, period text: String, area: String?, language: Language,
                          parts: Lagesbild.Parts) throws -> (lagesbild: Lagesbild, period: Period) {
        let (key, compile) = try lagesbildJob(config, period: text, area: area, language: language, parts: parts)
        return (try lagesbilder.lagesbild(key, version: try store.version(), compile: compile), key.period)
    }

    /// The lägesbild as `exporter` writes it, kept like the lägesbild itself.
    func exportLagesbild(_ config: KommunConfig, period text: String, area: String?, language: Language,
                         exporter: any Exporter) throws -> (lagesbild: Lagesbild, period: Period, data: Data) {
        try exportLagesbild(config, period: text, area: area, language: language, exporter: exporter, as: exporter.id) { $0 }
    }

    /// The lägesbild as `exporter` writes it, made into what `make` makes of that, kept under `name`.
    func exportLagesbild<Output: Sendable>(_ config: KommunConfig, period text: String, area: String?, language: Language,
                                           exporter: any Exporter, as name: String,
                                           make: @escaping (Data) -> Output) throws -> (lagesbild: Lagesbild, period: Period, data: Output) {
        let (key, compile) = try lagesbildJob(config, period: text, area: area, language: language, parts: exporter.parts)
        let (lagesbild, output) = try lagesbilder.output(key, version: try store.version(), format: name, compile: compile) {
            make(try exporter.export($0, options: ExportOptions(language: language)))
        }
        return (lagesbild, key.period, output)
    }

    /// The cache key of a lägesbild and how to compile it.
    private func lagesbildJob(_ config: KommunConfig, period text: String, area: String?, language: Language,
                              parts: Lagesbild.Parts) throws -> (LagesbildCache.Key, () throws -> Lagesbild) {
        let today = today(for: config)
        let (definition, period) = try config.lagesbild(id: nil, period: text, area: area, today: today)
        let key = LagesbildCache.Key(kommun: config.id, lagesbild: definition.id, period: period, area: area, language: language,
                                     parts: parts, today: today)
        return (key, { [store, now] in
            try LagesbildCompiler(config: config, store: store, now: now, area: area)
                .compile(period: period, language: language, parts: parts, as: definition)
        })
    }
}

/// The HTML exporter's page made ready to sit inside the application's: its style sheet (allowed by its
/// hash in the Content-Security-Policy) and its body, whose `<main>` is the page's skip-link target. Made
/// once per kept lägesbild.
struct EmbeddedPage: Sendable {
    var style: String
    var body: String
    /// The style sheet's SHA-256, base64.
    var digest: String

    init(_ html: Data) {
        let text = String(decoding: html, as: UTF8.self)
        func between(_ open: String, _ close: String) -> String {
            guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return "" }
            return String(text[start.upperBound..<end.lowerBound])
        }
        style = between("<style>", "</style>")
        body = between("<body>", "</body>").replacingOccurrences(of: "<main>", with: "<main id=\"main\">")
        digest = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
    }
}
