import Foundation
import Hummingbird
import Platform

/// What a request carries through the middleware to its route: the signed-in person (if any), the page
/// language, and, under `/k/{kommun}`, the kommun and the person's role in it (set in one place,
/// `KommunAccessMiddleware`).
public struct PlatformRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session of the signed-in person; nil for anonymous requests and API calls.
    var session: Session?
    /// The session cookie's token, for logging out and the second factor.
    var sessionToken: String?
    /// The language pages are shown in: `?lang=`, the `lang` cookie, else Swedish.
    var language: Language = .sv
    /// The kommun of a `/k/{kommun}` or `/api/v1/kommuner/{id}` route, once access is checked.
    var kommun: KommunConfig?
    /// The person's (or token's) role in `kommun`.
    var role: Role?
    /// For an API call: the token it came with.
    var apiToken: APIToken?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Report uploads may be larger than Hummingbird's default of 2 MB; ServerConfiguration caps them.
    public var maxUploadSize: Int { 16 * 1024 * 1024 }

    /// The signed-in account, when the second factor (if any) is done.
    var account: Account? {
        guard let session, !session.secondFactorPending else { return nil }
        return session.account
    }

    /// The kommun of a checked route; only routes under `KommunAccessMiddleware` call this.
    func checkedKommun() throws -> KommunConfig {
        guard let kommun else { throw HTTPError(.notFound) }
        return kommun
    }
}
