import Hummingbird
import Platform

/// Finds the signed-in person from the session cookie (sessions are stored, so they survive a restart),
/// and the page language from `?lang=` or the `lang` cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PlatformRequestContext
    let services: ServerServices

    static let cookieName = "session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
           let session = try services.accounts.session(token: token, now: services.now) {
            context.session = session
            context.sessionToken = token
        }
        let asked = request.uri.queryParameters["lang"].map(String.init) ?? request.cookies["lang"]?.value
        context.language = asked.flatMap(Language.init(rawValue:)) ?? .sv
        return try await next(request, context)
    }
}
