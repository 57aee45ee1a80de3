import Foundation

/// One kommun's accounts as a manager sees them from that kommun (the web application's user pages): the
/// kommun's coordinator, or the platform admin. Every rule of what a coordinator may do with accounts is
/// here: only this kommun's roles, never the admin flag, and an account as a whole (disable, enable, a new
/// invitation, which sets a new password) only when every role it holds is in this kommun — a kommunpolis
/// who also reports in another kommun is that kommun's person too, so only the admin may disable them. No
/// one changes their own account here.
/// Each change goes through ``Accounts`` and so writes its audit event, with the manager's login as actor.
public struct KommunAccounts: Sendable {
    public let config: KommunConfig
    public let manager: Account
    public let store: any AccountStore

    /// The kommun's accounts as `manager` manages them; `AccountError.notPermitted` unless `manager` is a
    /// coordinator of the kommun (the admin is one everywhere).
    public init(config: KommunConfig, manager: Account, store: any AccountStore) throws {
        guard manager.role(in: config.id) == .coordinator, !manager.disabled else {
            throw AccountError.notPermitted("only a coordinator of \(config.id) manages its accounts")
        }
        self.config = config
        self.manager = manager
        self.store = store
    }

    /// The accounts with a role in the kommun, by login.
    public func accounts() throws -> [Account] {
        try store.accounts(kommun: config.id)
    }

    /// The account `id` when it holds a role in the kommun; nil otherwise, so another kommun's accounts are
    /// as unknown as ids that do not exist.
    public func account(id: Int64) throws -> Account? {
        guard let account = try store.account(id: id), account.memberships.contains(where: { $0.kommun == config.id }) else { return nil }
        return account
    }

    /// A person with `role` in the kommun (and `reporter`, for a reporter). A new login gets an account
    /// without a password and never an admin, and the invitation's token is returned, once. A login that
    /// already has an account (a kommunpolis who covers several kommuner) is given the role here, its roles
    /// elsewhere untouched, and no invitation (nil): it logs in as before. It must not already have a role
    /// here (change that on its row) and must not be an admin.
    public func add(login: String, name: String, role: Role, reporter: String?, now: Date,
                    invitationLifetime: TimeInterval = Accounts.invitationLifetime) throws -> (account: Account, invitation: String?) {
        let membership = Membership(kommun: config.id, role: role, reporter: reporter)
        if let existing = try store.account(login: login) {
            guard !existing.memberships.contains(where: { $0.kommun == config.id }) else { throw AccountError.loginTaken(existing.login) }
            try checkNotAdmin(existing)
            try Accounts.grant(membership, login: existing.login, kommuner: [config], store: store, actor: manager.login, now: now)
            return (try store.account(id: existing.id) ?? existing, nil)
        }
        let created = try Accounts.add(login: login, name: name, isAdmin: false, memberships: [membership], password: nil,
                                       kommuner: [config], store: store, actor: manager.login, now: now, invitationLifetime: invitationLifetime)
        guard let invitation = created.invitation else { throw AccountError.invitationInvalid }
        return (created.account, invitation)
    }

    /// Gives the kommun's account `id` `role` here (replacing its role here; its roles elsewhere stay).
    public func setRole(_ role: Role, reporter: String?, accountID id: Int64, now: Date) throws {
        let account = try member(id)
        try checkNotAdmin(account)
        try Accounts.grant(Membership(kommun: config.id, role: role, reporter: reporter), login: account.login, kommuner: [config],
                           store: store, actor: manager.login, now: now)
    }

    /// Takes the account's role in the kommun away (its roles elsewhere stay).
    public func revoke(accountID id: Int64, now: Date) throws {
        let account = try member(id)
        try checkNotAdmin(account)
        try Accounts.revoke(kommun: config.id, login: account.login, store: store, actor: manager.login, now: now)
    }

    /// Disables the account (ending its sessions) or enables it again; only one ``mayManageWhole(_:)``.
    public func setDisabled(_ disabled: Bool, accountID id: Int64, now: Date) throws {
        let account = try whole(id)
        try Accounts.setDisabled(disabled, login: account.login, store: store, actor: manager.login, now: now, kommun: config.id)
    }

    /// A new invitation for the account (its earlier unused ones stop working); its token, returned once.
    /// Accepting it sets the password, so only for an account ``mayManageWhole(_:)``.
    public func invite(accountID id: Int64, now: Date, lifetime: TimeInterval = Accounts.invitationLifetime) throws -> String {
        let account = try whole(id)
        return try Accounts.invite(login: account.login, store: store, actor: manager.login, now: now, lifetime: lifetime, kommun: config.id)
    }

    /// Whether the manager may act on `account` as a whole (disable, enable, invite anew): the admin may any
    /// account; a coordinator only one that is not an admin and whose every role is in this kommun.
    public func mayManageWhole(_ account: Account) -> Bool {
        if manager.isAdmin { return true }
        return !account.isAdmin && account.memberships.allSatisfy { $0.kommun == config.id }
    }

    /// The kommun's account `id`, to be changed: not the manager's own (a coordinator who removed or
    /// disabled themselves would lock the kommun's management out; another coordinator or the admin may).
    private func member(_ id: Int64) throws -> Account {
        guard let account = try account(id: id) else { throw AccountError.unknownAccount("#\(id)") }
        guard account.id != manager.id else { throw AccountError.notPermitted("\(account.login) cannot change their own account here") }
        return account
    }

    private func whole(_ id: Int64) throws -> Account {
        let account = try member(id)
        guard mayManageWhole(account) else {
            let elsewhere = account.memberships.map(\.kommun).filter { $0 != config.id }
            throw AccountError.notPermitted(account.isAdmin
                ? "\(account.login) is a platform admin; only an admin may change that account"
                : "\(account.login) also has roles in \(elsewhere.joined(separator: ", ")); only the platform admin may disable or invite it")
        }
        return account
    }

    private func checkNotAdmin(_ account: Account) throws {
        guard account.isAdmin, !manager.isAdmin else { return }
        throw AccountError.notPermitted("\(account.login) is a platform admin; only an admin may change that account")
    }
}
