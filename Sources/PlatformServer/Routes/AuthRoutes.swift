import Foundation
import Hummingbird
import HummingbirdOTP
import NIOPosix
import Platform

/// Logging in (password, then a TOTP code when the account has one), logging out, and accepting an
/// invitation. A failed login answers the same whether the login exists or not, and is throttled per login
/// name and per client address.
struct AuthRoutes {
    let services: ServerServices

    func add(to router: Router<PlatformRequestContext>) {
        router.get("login") { request, context in loginPage(request, context: context) }
        router.post("login") { request, context in try await login(request, context: context) }
        router.post("login/totp") { request, context in try await secondFactor(request, context: context) }
        router.post("logout") { request, context in try await logout(request, context: context) }
        router.get("konto/totp") { request, context in try enrollPage(request, context: context) }
        router.post("konto/totp") { request, context in try await enroll(request, context: context) }
        router.get("invite/:token") { request, context in invitePage(request, context: context) }
        router.post("invite/:token") { request, context in try await acceptInvitation(request, context: context) }
    }

    private func loginPage(_ request: Request, context: PlatformRequestContext, failed: String? = nil, login: String = "",
                           status: HTTPResponse.Status = .ok) -> Response {
        let language = context.language
        let (token, cookie) = CSRFCookie.token(for: request, secure: services.configuration.secureCookies)
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        var response = services.pages.page("login", title: language.pick("Logga in", "Log in"), values: [
            "heading": language.pick("Logga in", "Log in"), "csrf": token, "next": next, "login": login,
            "failed": failed ?? "", "loginLabel": language.pick("Användarnamn eller e-post", "User name or e-mail"),
            "passwordLabel": language.pick("Lösenord", "Password"), "submitText": language.pick("Logga in", "Log in"),
        ], context: context, status: status)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func login(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        let language = context.language
        let login = (form["login"] ?? "").lowercased()
        let client = request.headers[.init("X-Forwarded-For")!].flatMap { $0.split(separator: ",").first.map(String.init) } ?? "direct"
        let keys = ["login:" + login, "ip:" + client]
        let now = services.now
        guard services.throttle.allows(keys, now: now) else {
            services.audit("login-throttled", kommun: nil, actor: try auditedLogin(login), logger: context.logger)
            return loginPage(request, context: context, failed: language.pick(
                "För många misslyckade försök. Vänta en stund och försök igen.", "Too many failed attempts. Wait a while and try again."),
                login: login, status: .tooManyRequests)
        }
        let password = form["password"] ?? ""
        let accounts = services.accounts
        // bcrypt takes a quarter of a second on purpose: on NIO's thread pool, not an event loop.
        guard let account = try await NIOThreadPool.singleton.runIfActive({ try accounts.authenticate(login: login, password: password) }) else {
            services.throttle.recordFailure(keys, now: now)
            services.audit("login-failed", kommun: nil, actor: try auditedLogin(login), logger: context.logger)
            return loginPage(request, context: context, failed: language.pick(
                "Fel användarnamn eller lösenord.", "Wrong user name or password."), login: login, status: .unauthorized)
        }
        services.throttle.reset(keys)
        // A second factor when the account has one, or when a kommun it has a role in requires one (then it is
        // set up now, before anything else).
        let mustEnrol = !account.hasTOTP && Accounts.requiresSecondFactor(account, kommuner: services.kommuner.all)
        let (token, session) = try services.accounts.createSession(accountID: account.id, secondFactorPending: account.hasTOTP || mustEnrol,
                                                                  now: now, lifetime: services.configuration.sessionLifetime)
        services.audit("login", kommun: nil, actor: account.login, logger: context.logger)
        let next = Self.safeNext(form["next"])
        var response: Response
        if session.secondFactorPending {
            var pending = context
            pending.session = session
            response = mustEnrol ? enrollPage(context: pending, next: next) : totpPage(context: pending, next: next)
        } else {
            response = .redirect(to: next, type: .normal)
        }
        response.setCookie(sessionCookie(token))
        return response
    }

    private func totpPage(context: PlatformRequestContext, next: String, failed: String? = nil) -> Response {
        let language = context.language
        return services.pages.page("totp", title: language.pick("Engångskod", "One-time code"), values: [
            "heading": language.pick("Ange engångskoden", "Enter the one-time code"), "next": next, "failed": failed ?? "",
            "codeLabel": language.pick("Sexsiffrig kod från din app", "Six-digit code from your app"),
            "submitText": language.pick("Fortsätt", "Continue"),
        ], context: context, status: failed == nil ? .ok : .unauthorized)
    }

    private func secondFactor(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        guard let session = context.session, session.secondFactorPending, let token = context.sessionToken else {
            return .redirect(to: "/login", type: .normal)
        }
        let form = try await FormFields.read(request, context: context)
        let next = Self.safeNext(form["next"])
        let keys = ["totp:\(session.account.id)"]
        let now = services.now
        guard services.throttle.allows(keys, now: now),
              let secret = try services.accounts.totpSecret(accountID: session.account.id),
              let code = form["code"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            services.throttle.recordFailure(keys, now: now)
            return totpPage(context: context, next: next, failed: context.language.pick("Fel kod.", "Wrong code."))
        }
        guard Self.accepts(code, secret: secret, at: now) else {
            services.throttle.recordFailure(keys, now: now)
            services.audit("login-failed", kommun: nil, actor: session.account.login, detail: "second factor", logger: context.logger)
            return totpPage(context: context, next: next, failed: context.language.pick("Fel kod.", "Wrong code."))
        }
        try services.accounts.completeSecondFactor(token: token, now: now)
        return .redirect(to: next, type: .normal)
    }

    /// The code of the current 30-second step, or of the one before or after (clocks drift).
    static func accepts(_ code: Int, secret: String, at now: Date) -> Bool {
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: now.addingTimeInterval($0)) == code }
    }

    /// Setting up a second factor: a new secret, shown as an otpauth link and as text for the app.
    /// Anyone signed in may turn it on; an account that must have one and has none is sent here at login.
    private func enrollPage(_ request: Request, context: PlatformRequestContext) throws -> Response {
        guard let session = context.session, !session.secondFactorPending || !session.account.hasTOTP else {
            return .redirect(to: "/login", type: .normal)
        }
        return enrollPage(context: context, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)))
    }

    private func enrollPage(context: PlatformRequestContext, next: String, secret: String = SecretToken.make(), failed: String? = nil) -> Response {
        let language = context.language
        let url = TOTP(secret: secret).createAuthenticatorURL(label: context.session?.account.login ?? "", issuer: "Trygghetsplattformen")
        let base32 = URLComponents(string: url)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        let grouped = stride(from: 0, to: base32.count, by: 4).map { offset in
            String(base32.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
        return services.pages.page("totp-enroll", title: language.pick("Tvåstegsverifiering", "Two-step verification"), values: [
            "heading": language.pick("Slå på tvåstegsverifiering", "Turn on two-step verification"),
            "intro": language.pick("Du loggar in med lösenord och en sexsiffrig kod från en app i telefonen (till exempel Microsoft Authenticator eller FreeOTP).",
                                   "You log in with your password and a six-digit code from an app on your phone (such as Microsoft Authenticator or FreeOTP)."),
            "step1": language.pick("Öppna länken på telefonen:", "Open the link on your phone:"), "otpauth": url,
            "linkText": language.pick("lägg till i appen", "add to the app"),
            "step2": language.pick("eller skriv in nyckeln i appen:", "or type the key into the app:"), "secretText": grouped,
            "step3": language.pick("Skriv koden som appen visar.", "Enter the code the app shows."),
            "secret": secret, "next": next, "failed": failed ?? "",
            "codeLabel": language.pick("Sexsiffrig kod", "Six-digit code"), "submitText": language.pick("Slå på", "Turn on"),
        ], context: context, status: failed == nil ? .ok : .unauthorized)
    }

    private func enroll(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        guard let session = context.session, let token = context.sessionToken,
              !session.secondFactorPending || !session.account.hasTOTP else {
            return .redirect(to: "/login", type: .normal)
        }
        let form = try await FormFields.read(request, context: context)
        let next = Self.safeNext(form["next"])
        guard let secret = form["secret"], secret.count >= 32 else { throw HTTPError(.badRequest) }
        let now = services.now
        guard let code = form["code"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), Self.accepts(code, secret: secret, at: now) else {
            return enrollPage(context: context, next: next, secret: secret,
                              failed: context.language.pick("Koden stämmer inte. Försök igen med nästa kod.", "The code does not match. Try again with the next code."))
        }
        try services.accounts.setTOTPSecret(secret, accountID: session.account.id, now: now)
        if session.secondFactorPending { try services.accounts.completeSecondFactor(token: token, now: now) }
        services.audit("totp.enable", kommun: nil, actor: session.account.login, logger: context.logger)
        return .redirect(to: next, type: .normal)
    }

    private func logout(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        _ = try await FormFields.read(request, context: context)
        if let token = context.sessionToken {
            try services.accounts.endSession(token: token)
            if let account = context.session?.account {
                services.audit("logout", kommun: nil, actor: account.login, logger: context.logger)
            }
        }
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                  secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    private func invitePage(_ request: Request, context: PlatformRequestContext, failed: String? = nil,
                            status: HTTPResponse.Status = .ok) -> Response {
        let language = context.language
        let (token, cookie) = CSRFCookie.token(for: request, secure: services.configuration.secureCookies)
        var response = services.pages.page("invite", title: language.pick("Välj lösenord", "Choose a password"), values: [
            "heading": language.pick("Välj ditt lösenord", "Choose your password"), "csrf": token, "valid": true,
            "failed": failed ?? "", "passwordLabel": language.pick("Nytt lösenord", "New password"),
            "passwordHint": language.pick("Minst 12 tecken. En lång fras är lättare att minnas än krångliga tecken.",
                                          "At least 12 characters. A long phrase is easier to remember than odd characters."),
            "password2Label": language.pick("Samma lösenord igen", "The same password again"),
            "submitText": language.pick("Spara och logga in", "Save and log in"),
        ], context: context, status: status)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func acceptInvitation(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        let language = context.language
        let password = form["password"] ?? ""
        guard password == form["password2"] ?? "" else {
            return invitePage(request, context: context, failed: language.pick("Lösenorden är inte lika.", "The passwords differ."),
                              status: .unprocessableContent)
        }
        let token = context.parameters.get("token") ?? ""
        let account: Account
        do {
            let (accounts, now) = (services.accounts, services.now)
            account = try await NIOThreadPool.singleton.runIfActive { try accounts.acceptInvitation(token: token, password: password, now: now) }
        } catch AccountError.weakPassword {
            return invitePage(request, context: context, failed: language.pick("Lösenordet behöver minst 12 tecken.",
                                                                              "The password needs at least 12 characters."),
                              status: .unprocessableContent)
        } catch AccountError.invitationInvalid {
            return services.pages.error(.notFound, context: context, message: language.pick(
                "Inbjudan är redan använd eller har gått ut. Be om en ny.", "The invitation has been used or has expired. Ask for a new one."))
        }
        services.audit("invitation.accept", kommun: nil, actor: account.login, logger: context.logger)
        return .redirect(to: "/login", type: .normal)
    }

    private func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: services.configuration.secureCookies,
               httpOnly: true, sameSite: .lax)
    }

    /// Who a failed login is logged as: the login when an account has it, else only that it was unknown. What
    /// is typed into the login field of a failed attempt may be a password typed in the wrong field, or a
    /// personnummer, and the audit log keeps it for ever.
    private func auditedLogin(_ login: String) throws -> String {
        try services.accounts.account(login: login) != nil ? login : "(okänd inloggning)"
    }

    /// Only a path on this site may follow a login (no open redirect to another site).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
