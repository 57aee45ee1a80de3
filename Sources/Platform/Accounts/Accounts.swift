import Foundation

/// The account use cases both doors call (`platform-cli user|token` and the server's admin pages): each checks
/// what needs the kommun files, changes the store and writes one audit event per change, by `actor` (a
/// login, or `cli`). Audit details name logins, roles, reporter organisations and token names only: never a
/// password, a token's secret or anything from a report.
public enum Accounts {
    /// How long an invitation link works unless told otherwise: seven days.
    public static let invitationLifetime: TimeInterval = 7 * 24 * 3600

    /// A new account with `memberships`, checked against `kommuner` first (every problem at once). Without a
    /// password the account gets an invitation, whose token is returned (once).
    public static func add(login: String, name: String, isAdmin: Bool, memberships: [Membership], password: String?,
                           kommuner: [KommunConfig], store: some AccountStore, actor: String, now: Date,
                           invitationLifetime: TimeInterval = invitationLifetime) throws -> (account: Account, invitation: String?) {
        try check(memberships, in: kommuner)
        let created = try store.addAccount(login: login, name: name, password: password, isAdmin: isAdmin, now: now)
        try store.record(AuditEvent(at: now, kommun: nil, actor: actor, action: "user.add",
                                    detail: created.login + (isAdmin ? " (admin)" : "")))
        for membership in memberships {
            try store.grant(membership, to: created.id, now: now)
            try store.record(grantEvent(membership, login: created.login, actor: actor, now: now))
        }
        let invitation = password == nil
            ? try invite(login: created.login, store: store, actor: actor, now: now, lifetime: invitationLifetime) : nil
        return (try store.account(id: created.id) ?? created, invitation)
    }

    /// Gives `login` `membership` (replacing any role it had in that kommun), checked against `kommuner`.
    public static func grant(_ membership: Membership, login: String, kommuner: [KommunConfig], store: some AccountStore,
                             actor: String, now: Date) throws {
        try check([membership], in: kommuner)
        let account = try existing(login, in: store)
        try store.grant(membership, to: account.id, now: now)
        try store.record(grantEvent(membership, login: account.login, actor: actor, now: now))
    }

    /// Takes `login`'s role in `kommun` away; an error when it has none there.
    public static func revoke(kommun: String, login: String, store: some AccountStore, actor: String, now: Date) throws {
        let account = try existing(login, in: store)
        guard let membership = account.memberships.first(where: { $0.kommun == kommun }) else {
            let held = account.memberships.map(\.kommun)
            throw AccountError.invalidMembership(["kommun: \(account.login) has no role in '\(kommun)'"
                + (held.isEmpty ? " (none anywhere)" : " (only in \(held.joined(separator: ", ")))")])
        }
        try store.revoke(kommun: kommun, from: account.id, now: now)
        try store.record(AuditEvent(at: now, kommun: kommun, actor: actor, action: "user.revoke",
                                    detail: "\(account.login): \(membership.role.rawValue)"))
    }

    /// Disables `login` (ending its sessions) or enables it again; `kommun` is the kommun whose audit log shows
    /// it (nil: platform-wide).
    public static func setDisabled(_ disabled: Bool, login: String, store: some AccountStore, actor: String, now: Date,
                                   kommun: String? = nil) throws {
        let account = try existing(login, in: store)
        try store.setDisabled(disabled, accountID: account.id, now: now)
        try store.record(AuditEvent(at: now, kommun: kommun, actor: actor, action: disabled ? "user.disable" : "user.enable",
                                    detail: account.login))
    }

    /// Removes `login`'s second factor (a lost phone): the next login sets one up again where it is required.
    public static func resetSecondFactor(login: String, store: some AccountStore, actor: String, now: Date) throws {
        let account = try existing(login, in: store)
        try store.setTOTPSecret(nil, accountID: account.id, now: now)
        try store.record(AuditEvent(at: now, kommun: nil, actor: actor, action: "user.reset-totp", detail: account.login))
    }

    /// A new invitation for `login` (earlier unused ones stop working); its token, returned once. `kommun` is
    /// the kommun whose audit log shows it (nil: platform-wide).
    public static func invite(login: String, store: some AccountStore, actor: String, now: Date,
                              lifetime: TimeInterval = invitationLifetime, kommun: String? = nil) throws -> String {
        let account = try existing(login, in: store)
        let token = try store.invite(accountID: account.id, now: now, lifetime: lifetime)
        try store.record(AuditEvent(at: now, kommun: kommun, actor: actor, action: "user.invite",
                                    detail: "\(account.login), until \(Timestamp.text(now.addingTimeInterval(lifetime)))"))
        return token
    }

    /// Sets `login`'s password (at least `PasswordRule.minimumLength` characters).
    public static func setPassword(_ password: String, login: String, store: some AccountStore, actor: String, now: Date) throws {
        let account = try existing(login, in: store)
        try store.setPassword(password, accountID: account.id, now: now)
        try store.record(AuditEvent(at: now, kommun: nil, actor: actor, action: "user.password", detail: account.login))
    }

    /// A new API token for `config`'s kommun, bound to `reporter` when given (one of the kommun's
    /// `reporters`); its secret is returned once.
    public static func addToken(name: String, reporter: String?, config: KommunConfig, store: some AccountStore, actor: String,
                                now: Date) throws -> (secret: String, token: APIToken) {
        if let reporter {
            // A reporter role's check, so the message is the same as for a person.
            try check([Membership(kommun: config.id, role: .reporter, reporter: reporter)], in: [config])
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw AccountError.invalidMembership(["name: a token needs a name (the system that uses it)"]) }
        let created = try store.addAPIToken(kommun: config.id, reporter: reporter, name: name, now: now)
        try store.record(AuditEvent(at: now, kommun: config.id, actor: actor, action: "token.add",
                                    detail: tokenDetail(created.token)))
        return created
    }

    /// Revokes the kommun's token `id`; `AccountError.unknownToken` when the kommun has none with that id.
    public static func revokeToken(id: Int64, kommun: String, store: some AccountStore, actor: String, now: Date) throws {
        guard let token = try store.apiTokens(kommun: kommun).first(where: { $0.id == id }) else { throw AccountError.unknownToken }
        try store.revokeAPIToken(id: id, kommun: kommun, now: now)
        try store.record(AuditEvent(at: now, kommun: kommun, actor: actor, action: "token.revoke", detail: tokenDetail(token)))
    }

    /// Whether `account` must log in with a second factor: some kommun it has a role in says so for its role
    /// (`kommun.secondFactor`); an admin counts as a coordinator in every kommun.
    public static func requiresSecondFactor(_ account: Account, kommuner: [KommunConfig]) -> Bool {
        kommuner.contains { config in
            account.role(in: config.id).map(config.kommun.secondFactor.requires) ?? false
        }
    }

    /// The link an invitation's token makes under the server's public URL: `https://est.example.se/invite/TOKEN`.
    public static func invitationURL(publicURL: String, token: String) -> String {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/invite/\(token)"
    }

    /// Checks each membership against its kommun's file; `AccountError.invalidMembership` with every problem
    /// (an unknown kommun or reporter named with the nearest known id).
    public static func check(_ memberships: [Membership], in kommuner: [KommunConfig]) throws {
        var problems: [String] = []
        let ids = kommuner.map(\.id)
        for (kommun, group) in Dictionary(grouping: memberships, by: \.kommun) where group.count > 1 {
            problems.append("kommun: one role per kommun, but '\(kommun)' is given \(group.count) times")
        }
        for membership in memberships {
            guard let config = kommuner.first(where: { $0.id == membership.kommun }) else {
                var message = "kommun: no kommun '\(membership.kommun)' (known: \(ids.joined(separator: ", ")))"
                if let suggestion = Suggestion.nearest(to: membership.kommun, among: ids) { message += "; did you mean '\(suggestion)'?" }
                problems.append(message)
                continue
            }
            problems += membership.problems(in: config)
        }
        if !problems.isEmpty { throw AccountError.invalidMembership(problems) }
    }

    private static func existing(_ login: String, in store: some AccountStore) throws -> Account {
        guard let account = try store.account(login: login) else { throw AccountError.unknownAccount(Account.normalizedLogin(login)) }
        return account
    }

    private static func grantEvent(_ membership: Membership, login: String, actor: String, now: Date) -> AuditEvent {
        AuditEvent(at: now, kommun: membership.kommun, actor: actor, action: "user.grant",
                   detail: "\(login): \(membership.role.rawValue)" + (membership.reporter.map { " (\($0))" } ?? ""))
    }

    private static func tokenDetail(_ token: APIToken) -> String {
        "#\(token.id) \(token.name)" + (token.reporter.map { " (\($0))" } ?? "")
    }
}
