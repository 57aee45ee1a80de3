import Foundation
import Hummingbird
import Platform

/// The JSON API (schemas/openapi.yaml): systems deliver reports and fetch lägesbilder with a kommun's API
/// token. Deliveries take the same path as files and the form.
struct APIRoutes {
    let services: ServerServices

    func add(to router: Router<PlatformRequestContext>) {
        let group = router.group("api/v1/kommuner/:kommun").add(middleware: APITokenMiddleware(services: services))
        group.post("reports") { request, context in try await deliver(request, context: context) }
        group.get("lagesbild") { request, context in try lagesbild(request, context: context) }
        group.head("lagesbild") { request, context in
            let response = try lagesbild(request, context: context)
            return Response(status: response.status, headers: response.headers)
        }
    }

    private func deliver(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let config = try context.checkedKommun()
        let mediaType = request.headers[.contentType].map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let formats: [String: ReportFileReader.Format] = ["application/json": .json, "application/x-ndjson": .jsonLines,
                                                          "application/jsonl": .jsonLines, "text/csv": .csv]
        guard let format = formats[mediaType] else {
            return try APIError.response(.unsupportedMediaType, "send application/json, application/x-ndjson or text/csv")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: services.configuration.maxUploadSize)
        } catch {
            return try APIError.response(.contentTooLarge, "the body is larger than \(services.configuration.maxUploadSize) bytes")
        }
        let summary: ImportSummary
        do {
            let reader = try ReportFileReader(name: "api", data: Data(buffer: body), format: format)
            let source = ReporterBoundRows(reader, reporter: context.apiToken?.reporter)
            summary = try await services.deliver(source, config: config, actor: "token:\(context.apiToken?.id ?? 0)", action: "api.reports",
                                                 logger: context.logger)
        } catch let diagnostic as Diagnostic {
            summary = ImportSummary(source: "api", refusing: diagnostic)
        }
        return try APIError.json(summary, status: summary.committed ? .ok : .unprocessableContent)
    }

    private func lagesbild(_ request: Request, context: PlatformRequestContext) throws -> Response {
        let config = try context.checkedKommun()
        let query = request.uri.queryParameters
        let id = query["format"].map(String.init) ?? "json"
        guard let exporter = try? services.configuration.exporters.exporter(id) else {
            return try APIError.response(.notFound, "unknown format '\(id)'")
        }
        let area = query["area"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let area, config.area(area) == nil { return try APIError.response(.notFound, "unknown area") }
        do {
            let language = query["lang"].flatMap { Language(rawValue: String($0)) } ?? config.kommun.language
            let data = try services.exportLagesbild(config, period: query["period"].map(String.init) ?? "last", area: area,
                                                    language: language, exporter: exporter).data
            return Response(status: .ok, headers: [.contentType: exporter.mediaType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        } catch let error as LagesbildChoiceError {
            return try APIError.response(.badRequest, error.description)
        }
    }
}

/// An API token in the `Authorization: Bearer` header, checked in one place: a missing or unknown token is
/// 401; a token of another kommun gets the same 404 as a kommun that does not exist.
struct APITokenMiddleware: RouterMiddleware {
    typealias Context = PlatformRequestContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
              let token = try services.accounts.apiToken(secret: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), now: services.now) else {
            var response = try APIError.response(.unauthorized, "a valid API token is needed: Authorization: Bearer TOKEN")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        guard let id = context.parameters.get("kommun"), token.kommun == id, let config = services.kommuner.kommun(id) else {
            return try APIError.response(.notFound, "no such kommun")
        }
        var context = context
        context.kommun = config
        context.apiToken = token
        return try await next(request, context)
    }
}

/// The API's answers: JSON bodies, errors as `{"error": "…"}`.
enum APIError {
    static func response(_ status: HTTPResponse.Status, _ message: String) throws -> Response {
        try json(["error": message], status: status)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
