import Hummingbird

/// The API's paths (schemas/openapi.yaml) answer any method they do not take with 405 and the methods they
/// do (RFC 9110 15.5.6), whatever the method is called (QUERY, TRACE…); the router alone would say 404.
struct AllowedMethodsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each documented path, as its segments (`*` for a parameter), with the methods it takes.
    static var paths: [(segments: [String], methods: [HTTPRequest.Method])] {
        [(["healthz"], [.get, .head]),
         (["api", "v1", "kommuner", "*", "reports"], [.post]),
         (["api", "v1", "kommuner", "*", "lagesbild"], [.get, .head])]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        guard let documented = Self.paths.first(where: { path in
            path.segments.count == segments.count && zip(path.segments, segments).allSatisfy { $0 == "*" || $0 == $1 }
        }), !documented.methods.contains(request.method) else {
            return try await next(request, context)
        }
        var response = try APIError.response(.methodNotAllowed, "\(request.method) is not allowed here")
        response.headers[.allow] = documented.methods.map(\.rawValue).joined(separator: ", ")
        return response
    }
}
