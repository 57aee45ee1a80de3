import Foundation
import Hummingbird
import Mustache
import Platform

/// Renders the application's pages: a page template inside the layout, in the person's language.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = MustacheLibrary(templates: try PageTemplates.all.mapValues { try MustacheTemplate(string: $0) })
    }

    /// The page `template` with `values`, inside the layout.
    func page(_ template: String, title: String, values: [String: Any], context: PlatformRequestContext,
              status: HTTPResponse.Status = .ok, nav: [NavLink] = [], flash: String? = nil) -> Response {
        var values = values
        if let token = context.session?.csrfToken { values["csrf"] = token }
        let content = library.render(Self.withoutEmptyTexts(values), withTemplate: template) ?? ""
        return document(content: content, title: title, context: context, status: status, nav: nav, flash: flash)
    }

    /// `content` (HTML this application rendered) inside the layout; `wrapMain: false` when the content
    /// brings its own `<main>` (the embedded lägesbild), `extraStyle` for its style sheet.
    func document(content: String, title: String, context: PlatformRequestContext, status: HTTPResponse.Status = .ok,
                  nav: [NavLink] = [], flash: String? = nil, wrapMain: Bool = true, extraStyle: String? = nil,
                  headers: HTTPFields = [:]) -> Response {
        let language = context.language
        let other: Language = language == .sv ? .en : .sv
        let values: [String: Any] = [
            "lang": language.rawValue, "title": title, "content": content, "wrapMain": wrapMain,
            "appName": language.pick("Trygghetsplattformen", "Safety platform"),
            "skipText": language.pick("Till innehållet", "Skip to content"),
            "navLabel": language.pick("Huvudmeny", "Main menu"),
            "logoutText": language.pick("Logga ut", "Log out"),
            "userName": context.account?.name ?? "",
            "totpText": context.account?.hasTOTP == true ? language.pick("Tvåstegsverifiering", "Two-step verification")
                : language.pick("Slå på tvåstegsverifiering", "Turn on two-step verification"),
            "csrf": context.session?.csrfToken ?? "",
            "nav": nav.map { ["href": $0.href, "label": $0.label, "current": $0.current] as [String: Any] },
            "otherLang": other.rawValue, "otherLangName": other == .en ? "English" : "Svenska",
            "flash": flash ?? "", "extraStyle": extraStyle ?? "",
        ]
        let html = library.render(Self.withoutEmptyTexts(values), withTemplate: "layout") ?? ""
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// An error page (404, 403, 429…) in the person's language.
    func error(_ status: HTTPResponse.Status, context: PlatformRequestContext, message: String? = nil) -> Response {
        let language = context.language
        let heading: String
        switch status.code {
        case 404: heading = language.pick("Sidan finns inte", "Page not found")
        case 403: heading = language.pick("Åtkomst nekad", "Access denied")
        case 429: heading = language.pick("För många försök", "Too many attempts")
        default: heading = language.pick("Något gick fel", "Something went wrong")
        }
        let text = message ?? language.pick("Kontrollera adressen, eller gå till startsidan.", "Check the address, or go to the start page.")
        return page("error", title: heading, values: ["heading": heading, "message": text,
                                                       "homeText": language.pick("Till startsidan", "To the start page")],
                    context: context, status: status)
    }
}

/// A link in the application's menu.
struct NavLink {
    var href: String
    var label: String
    var current = false
}

extension PageRenderer {
    /// A template alone, without the layout (a part of a page).
    func render(_ template: String, values: [String: Any]) -> String {
        library.render(Self.withoutEmptyTexts(values), withTemplate: template) ?? ""
    }

    /// `values` without its empty texts, at any depth (but not the texts of a plain list, which are cells),
    /// and with `hasRows` beside each list `rows`: Mustache
    /// treats an empty string as true in `{{#section}}`, so an absent error or hint must be absent, not "";
    /// and a table is shown around its rows with `{{#hasRows}}`, or a note instead with `{{^hasRows}}`.
    static func withoutEmptyTexts(_ values: [String: Any]) -> [String: Any] {
        var cleanedValues = values.compactMapValues(cleaned)
        for (key, value) in values {
            guard let list = value as? [Any] else { continue }
            cleanedValues["has" + key.prefix(1).uppercased() + key.dropFirst()] = !list.isEmpty
        }
        return cleanedValues
    }

    private static func cleaned(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case let dictionary as [String: Any]: return withoutEmptyTexts(dictionary)
        case let list as [[String: Any]]: return list.map(withoutEmptyTexts)
        // A text in a plain list is a table cell: kept when empty, or the cells after it would shift left.
        case let list as [Any]: return list.compactMap { $0 is String ? $0 : cleaned($0) }
        default: return value
        }
    }
}
