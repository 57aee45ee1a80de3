import Hummingbird
import Platform

/// Tenant isolation, in one place: every route under `/k/{kommun}` passes here. The kommun comes from the
/// path and must be one the signed-in person has a role in; any other kommun, and a kommun that does not
/// exist, answer the same 404, so a Lysekil user learns nothing of Tranemo, not even that it is served.
/// Every store query then takes this kommun's id.
struct KommunAccessMiddleware: RouterMiddleware {
    typealias Context = PlatformRequestContext
    let services: ServerServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let account = context.account else {
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return .redirect(to: "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"), type: .normal)
        }
        guard let id = context.parameters.get("kommun"), let config = services.kommuner.kommun(id),
              let role = account.role(in: id) else {
            throw HTTPError(.notFound)
        }
        var context = context
        context.kommun = config
        context.role = role
        return try await next(request, context)
    }
}

extension PlatformRequestContext {
    /// Refuses (404, as for another kommun) a route the person's role does not reach.
    func require(_ role: Role) throws {
        guard let held = self.role, held >= role else { throw HTTPError(.notFound) }
    }
}
