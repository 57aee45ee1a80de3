import Hummingbird

/// The security headers every response carries: a strict Content-Security-Policy (nothing but the
/// application's own style sheet; no scripts at all), no framing, no MIME sniffing, no referrer (calendar
/// and invitation links carry secrets), and HSTS when the application is served over https. A route may set
/// its own Content-Security-Policy (the lägesbild page allows its inline style sheet by hash).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let https: Bool

    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        var headers = response.headers
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = Self.policy }
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[.init("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        if https { headers[.strictTransportSecurity] = "max-age=31536000" }
        response.headers = headers
        return response
    }
}
