import Foundation
import Hummingbird
import Platform

/// The fields of a submitted form (`application/x-www-form-urlencoded`), read only after the form's CSRF
/// token is checked: every POST route reads its body through here, so no form can skip the check.
struct FormFields {
    private var values: [String: String]

    subscript(name: String) -> String? {
        guard let value = values[name] else { return nil }
        return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
    }

    /// Reads the body and checks its `csrf` field against the session's token, or, before login, against the
    /// `csrf` cookie the form was served with (double submit). A mismatch is 403.
    static func read(_ request: Request, context: PlatformRequestContext) async throws -> FormFields {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let fields = FormFields(values: parse(String(buffer: buffer)))
        let expected = context.session?.csrfToken ?? request.cookies[CSRFCookie.name]?.value
        guard let expected, let given = fields.values["csrf"], SecretToken.equal(expected, given) else {
            throw HTTPError(.forbidden, message: "The form expired; reload the page and send it again.")
        }
        return fields
    }

    /// `a=1&b=x+y` → ["a": "1", "b": "x y"]. Hummingbird's URLEncodedFormDecoder decodes into Codable types
    /// with fixed keys; the report form's fields are numbered (`area-1` … `area-N`), so the pairs are read here.
    static func parse(_ body: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            values[decoded(parts[0])] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return values
    }
}

/// The CSRF cookie of the forms a person fills in before logging in (login, invitation).
enum CSRFCookie {
    static let name = "csrf"

    /// The token the request already carries, or a new one with the cookie that sets it.
    static func token(for request: Request, secure: Bool) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[name]?.value, existing.count >= 32 { return (existing, nil) }
        let token = SecretToken.make()
        return (token, Cookie(name: name, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax))
    }
}
