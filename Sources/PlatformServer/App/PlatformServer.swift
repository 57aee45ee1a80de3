import Foundation
import Hummingbird
import Logging
import Platform
import ServiceLifecycle
import UnixSignals

/// The web application: `platform-cli serve`. Every kommun in the folder, one store, the same core as the
/// command line.
public enum PlatformServer {
    /// The router with every route and middleware; tests drive it in process (HummingbirdTesting).
    static func router(services: ServerServices) -> Router<PlatformRequestContext> {
        let router = Router(context: PlatformRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(https: services.configuration.secureCookies))
        router.add(middleware: AllowedMethodsMiddleware())
        router.add(middleware: SessionMiddleware(services: services))
        router.add(middleware: ErrorPageMiddleware(services: services))
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.head("healthz") { _, _ in Response(status: .ok, headers: [.contentType: "application/json"]) }
        router.get("assets/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: AppStyleSheet.css)))
        }
        AuthRoutes(services: services).add(to: router)
        APIRoutes(services: services).add(to: router)
        AdminRoutes(services: services).add(to: router)
        let kommun = router.group("k/:kommun").add(middleware: KommunAccessMiddleware(services: services))
        HomeRoutes(services: services).add(to: router, kommunGroup: kommun)
        ReportRoutes(services: services).add(to: kommun)
        LagesbildRoutes(services: services).add(to: kommun)
        ReaderRoutes(services: services).add(to: kommun)
        CalendarRoutes(services: services).add(to: router, kommunGroup: kommun)
        CoordinatorRoutes(services: services).add(to: kommun)
        UserRoutes(services: services).add(to: kommun)
        TokenRoutes(services: services).add(to: kommun)
        StatusRoutes(services: services).add(to: kommun)
        return router
    }


    /// Runs the application until SIGTERM or SIGINT (requests in flight finish first); SIGHUP reloads the
    /// kommun files when they all validate.
    /// `onRunning` is told the address once the server listens.
    /// `store` is opened (and migrated) by the caller: SQLite or PostgreSQL, the application does not know which.
    public static func run(_ configuration: ServerConfiguration, store: any PlatformStore, logger: Logger,
                           onRunning: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let services = try ServerServices(configuration: configuration,
                                          kommuner: KommunDirectory(folder: configuration.municipalitiesFolder, loader: configuration.kommunLoader),
                                          store: store)
        let app = Application(
            router: router(services: services),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "trygghet-platform"),
            services: [KommunReloadService(services: services, logger: logger)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onRunning(configuration.publicURL?.absoluteString ?? "http://\(configuration.host):\(port)")
                logger.info("serving", metadata: ["address": "\(channel.localAddress?.description ?? "")",
                                                  "kommuner": "\(services.kommuner.all.map(\.id).joined(separator: ","))"])
            },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

/// Reloads the kommun files on SIGHUP; an invalid edit keeps the running configuration and logs every error.
struct KommunReloadService: Service {
    let services: ServerServices
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            let problems = services.reloadKommuner()
            if problems.isEmpty {
                logger.info("kommun files reloaded", metadata: ["kommuner": "\(services.kommuner.all.map(\.id).joined(separator: ","))"])
            } else {
                for problem in problems { logger.error("kommun file invalid; the running configuration is kept", metadata: ["problem": "\(problem)"]) }
            }
        }
    }
}

/// Pages answer errors with an HTML page in the person's language (the API keeps its JSON); a 404 looks the
/// same for a page that does not exist and for another kommun's.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = PlatformRequestContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where !request.uri.path.hasPrefix("/api/") {
            return services.pages.error(error.status, context: context, message: error.status == .forbidden ? error.body : nil)
        }
    }
}
