import Foundation
import Hummingbird
import Platform

/// The kommun's accounts, for its coordinators: who has which role, adding a person (an invitation link,
/// shown once), changing a role, removing a person from the kommun, disabling and enabling, and a new
/// invitation. What a coordinator may do is decided in Platform (`KommunAccounts`), which also writes the
/// audit log; an account without a role here answers 404, as another kommun's page does.
struct UserRoutes {
    let services: ServerServices

    func add(to group: RouterGroup<PlatformRequestContext>) {
        group.get("anvandare") { request, context in
            try page(context: context, flash: request.uri.queryParameters["changed"] == nil ? nil : context.language.pick("Ändrat.", "Changed."))
        }
        group.post("anvandare") { request, context in try await addPerson(request, context: context) }
        group.post("anvandare/:account/role") { request, context in try await changeRole(request, context: context) }
        group.post("anvandare/:account/revoke") { request, context in try await change(request, context: context, action: .revoke) }
        group.post("anvandare/:account/disable") { request, context in try await change(request, context: context, action: .disable) }
        group.post("anvandare/:account/enable") { request, context in try await change(request, context: context, action: .enable) }
        group.post("anvandare/:account/invite") { request, context in try await change(request, context: context, action: .invite) }
    }

    private enum Action { case revoke, disable, enable, invite }

    /// The kommun's accounts as the signed-in coordinator manages them.
    private func manager(_ context: PlatformRequestContext) throws -> KommunAccounts {
        try context.require(.coordinator)
        let config = try context.checkedKommun()
        guard let account = context.account else { throw HTTPError(.notFound) }
        return try KommunAccounts(config: config, manager: account, store: services.store)
    }

    private func page(context: PlatformRequestContext, form: CoordinatorForm? = nil, secret: String? = nil, flash: String? = nil,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let accounts = try manager(context)
        let config = accounts.config
        let t: (String, String) -> String = context.language.pick
        let form = form ?? CoordinatorForm(language: context.language)
        let roles = roleOptions(context.language)
        let reporters = config.reporters.map { ($0.id, config.organisation($0.id)?.name ?? $0.id) }
        let rows = try accounts.accounts().map { account -> [String: Any] in
            let membership = account.memberships.first { $0.kommun == config.id }
            var rowForm = CoordinatorForm(values: ["role": membership?.role.rawValue ?? "", "reporter": membership?.reporter ?? ""],
                                          errors: form.errors, language: context.language, suffix: "-\(account.id)")
            if form.suffix == rowForm.suffix { rowForm.values = form.values }
            let base = "/k/\(config.id)/anvandare/\(account.id)/"
            return [
                "login": account.login, "personName": account.name,
                "roleText": membership.map { roleText($0, config: config, language: context.language) } ?? "",
                "stateText": account.disabled ? t("avstängd", "disabled") : t("aktiv", "active"),
                "totpText": account.hasTOTP ? t("ja", "yes") : t("nej", "no"),
                "roleHref": base + "role", "revokeHref": base + "revoke", "inviteHref": base + "invite",
                "toggleHref": base + (account.disabled ? "enable" : "disable"),
                "toggleText": account.disabled ? t("Aktivera", "Enable") : t("Stäng av", "Disable"),
                "mayWhole": accounts.mayManageWhole(account), "isSelf": account.id == accounts.manager.id,
                "roleFields": [rowForm.select("role", t("Roll för \(account.login)", "Role of \(account.login)"), options: roles),
                               rowForm.select("reporter", t("Rapportör för \(account.login)", "Reporter of \(account.login)"), options: reporters,
                                              blank: "–", optional: true)],
            ]
        }
        let addForm = form.suffix.isEmpty ? form : CoordinatorForm(language: context.language)
        var values: [String: Any] = [
            "heading": t("Användare i \(config.kommun.name)", "Users in \(config.kommun.name)"),
            "caption": t("Konton med en roll i kommunen", "Accounts with a role in the kommun"),
            "columns": [t("Inloggning", "Login"), t("Namn", "Name"), t("Roll", "Role"), t("Status", "State"), t("Tvåstegsverifiering", "Second factor"),
                        t("Ändra", "Change")],
            "rows": rows, "emptyText": t("Inga konton ännu.", "No accounts yet."),
            "changeText": t("Byt roll", "Change role"), "revokeText": t("Ta bort från kommunen", "Remove from the kommun"),
            "inviteText": t("Ny inbjudningslänk", "New invitation link"),
            "selfText": t("Ditt eget konto.", "Your own account."),
            "elsewhereText": t("Har roller även i andra kommuner, eller är administratör: bara administratören kan stänga av kontot.",
                               "Also has roles in other kommuner, or is an administrator: only the administrator can disable the account."),
            "addHeading": t("Lägg till en person", "Add a person"), "action": "/k/\(config.id)/anvandare",
            "submitID": "submit-user", "submitText": t("Lägg till och skapa inbjudan", "Add and create an invitation"),
            "fields": [
                addForm.input("login", t("Inloggning (e-post eller användarnamn)", "Login (e-mail or user name)"), extra: ["autocomplete": "off"]),
                addForm.input("name", t("Namn", "Name"), extra: ["autocomplete": "off"]),
                addForm.select("role", t("Roll", "Role"), options: roles, blank: t("Välj roll", "Choose a role")),
                addForm.select("reporter", t("Rapportörsorganisation", "Reporter organisation"), options: reporters,
                               blank: t("Välj organisation", "Choose an organisation"), optional: true,
                               hint: t("Bara för rapportörer: organisationen de rapporterar för.", "For reporters only: the organisation they report for.")),
            ],
            "secret": secret ?? "",
            "secretText": t("Skicka länken till personen. Den fungerar en gång, i 7 dagar, och visas bara nu.",
                            "Send the link to the person. It works once, for 7 days, and is shown only now."),
        ]
        values.merge(form.summaryValues(order: ["login", "name", "role", "reporter"])) { $1 }
        return services.pages.page("users", title: t("Användare", "Users"), values: values, context: context, status: status,
                                   nav: Navigation.links(for: context, current: "anvandare"), flash: flash)
    }

    private func roleOptions(_ language: Language) -> [(String, String)] {
        [(Role.reporter.rawValue, language.pick("rapportör", "reporter")), (Role.reader.rawValue, language.pick("läsare", "reader")),
         (Role.coordinator.rawValue, language.pick("samordnare", "coordinator"))]
    }

    private func roleText(_ membership: Membership, config: KommunConfig, language: Language) -> String {
        let role = roleOptions(language).first { $0.0 == membership.role.rawValue }?.1 ?? membership.role.rawValue
        return role + (membership.reporter.map { " (\(config.organisation($0)?.name ?? $0))" } ?? "")
    }

    private func addPerson(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let accounts = try manager(context)
        let fields = try await FormFields.read(request, context: context)
        let t: (String, String) -> String = context.language.pick
        var form = CoordinatorForm(values: fields.values(["login", "name", "role", "reporter"]), language: context.language)
        let login = form.required("login", t("Skriv en inloggning.", "Write a login."))
        let name = form.required("name", t("Skriv personens namn.", "Write the person's name."))
        let role = Self.role(in: &form)
        guard let login, let name, let role, form.errors.isEmpty else {
            return try page(context: context, form: form, status: .unprocessableContent)
        }
        do {
            let (account, invitation) = try accounts.add(login: login, name: name, role: role, reporter: role == .reporter ? form.values["reporter"] : nil,
                                                         now: services.now)
            form = CoordinatorForm(language: context.language)
            guard let invitation else {
                return try page(context: context, form: form, flash: t(
                    "\(account.login) hade redan ett konto och har nu en roll här också; personen loggar in som vanligt.",
                    "\(account.login) already had an account and now has a role here too; they log in as before."))
            }
            return try page(context: context, form: form, secret: services.configuration.absolute("/invite/\(invitation)"),
                            flash: t("\(account.login) är tillagd.", "\(account.login) is added."))
        } catch let error as AccountError {
            form.errors = problems(error, context.language, suffix: "")
            return try page(context: context, form: form, status: .unprocessableContent)
        }
    }

    private func changeRole(_ request: Request, context: PlatformRequestContext) async throws -> Response {
        let accounts = try manager(context)
        let id = try accountID(context, in: accounts)
        let fields = try await FormFields.read(request, context: context)
        var form = CoordinatorForm(values: fields.values(["role", "reporter"]), language: context.language, suffix: "-\(id)")
        guard let role = Self.role(in: &form) else {
            return try page(context: context, form: form, status: .unprocessableContent)
        }
        do {
            try accounts.setRole(role, reporter: role == .reporter ? form.values["reporter"] : nil, accountID: id, now: services.now)
        } catch let error as AccountError {
            form.errors = problems(error, context.language, suffix: form.suffix)
            return try page(context: context, form: form, status: error.isNotPermitted ? .forbidden : .unprocessableContent)
        }
        return .redirect(to: "/k/\(accounts.config.id)/anvandare?changed=1", type: .normal)
    }

    private func change(_ request: Request, context: PlatformRequestContext, action: Action) async throws -> Response {
        let accounts = try manager(context)
        let id = try accountID(context, in: accounts)
        _ = try await FormFields.read(request, context: context)
        let now = services.now
        do {
            switch action {
            case .revoke: try accounts.revoke(accountID: id, now: now)
            case .disable: try accounts.setDisabled(true, accountID: id, now: now)
            case .enable: try accounts.setDisabled(false, accountID: id, now: now)
            case .invite:
                let token = try accounts.invite(accountID: id, now: now)
                return try page(context: context, secret: services.configuration.absolute("/invite/\(token)"))
            }
        } catch let error as AccountError {
            let form = CoordinatorForm(errors: problems(error, context.language, suffix: "-\(id)"), language: context.language, suffix: "-\(id)")
            return try page(context: context, form: form, status: error.isNotPermitted ? .forbidden : .unprocessableContent)
        }
        return .redirect(to: "/k/\(accounts.config.id)/anvandare?changed=1", type: .normal)
    }

    /// The role chosen in `form`; a missing one, or one that is not a role (there is no admin role to give),
    /// is a problem of the field.
    private static func role(in form: inout CoordinatorForm) -> Role? {
        let t: (String, String) -> String = form.language.pick
        guard let text = form.required("role", t("Välj en roll.", "Choose a role.")) else { return nil }
        guard let role = Role(rawValue: text) else {
            form.errors["role" + form.suffix] = t("Välj en roll i listan.", "Choose a role from the list.")
            return nil
        }
        return role
    }

    /// The account of the path, when it holds a role in this kommun; any other id is 404.
    private func accountID(_ context: PlatformRequestContext, in accounts: KommunAccounts) throws -> Int64 {
        guard let id = context.parameters.get("account").flatMap(Int64.init), try accounts.account(id: id) != nil else {
            throw HTTPError(.notFound)
        }
        return id
    }

    /// An account problem next to its field, in the person's language where it is one the form can cause.
    private func problems(_ error: AccountError, _ language: Language, suffix: String) -> [String: String] {
        let t: (String, String) -> String = language.pick
        switch error {
        case .loginTaken: return ["login" + suffix: t("Personen har redan en roll här; ändra den på personens rad.", "The person already has a role here; change it on their row.")]
        case .invalidLogin: return ["login" + suffix: t("Inloggningen får inte vara tom eller innehålla mellanslag.", "The login may not be empty or hold spaces.")]
        case .invalidMembership(let messages):
            return Dictionary(messages.map { message in
                message.hasPrefix("reporter")
                    ? ("reporter" + suffix, message.contains("needs")
                        ? t("En rapportör behöver en organisation.", "A reporter needs an organisation.")
                        : t("Välj en organisation i listan.", "Choose an organisation from the list."))
                    : ("role" + suffix, message)
            }, uniquingKeysWith: { first, _ in first })
        case .notPermitted:
            return ["role" + suffix: t("Kontot har roller även i andra kommuner, är administratör eller är ditt eget: du kan inte ändra det här.",
                                       "The account also has roles in other kommuner, is an administrator or is your own: you cannot change it here.")]
        default:
            return ["role" + suffix: error.description]
        }
    }
}

extension AccountError {
    /// A refusal of what a kommun's coordinator may not do.
    var isNotPermitted: Bool {
        if case .notPermitted = self { return true }
        return false
    }
}
