import Foundation
import Logging
import Platform
import Plugins

/// What every route works with, made once at start and handed down: the configuration, the kommuner,
/// the store (reports and accounts), the page renderer and the login throttle.
final class ServerServices: Sendable {
    let configuration: ServerConfiguration
    let kommuner: KommunDirectory
    let store: any PlatformStore
    let pages: PageRenderer
    let throttle: LoginThrottle
    let deliveries: DeliveryWriter
    let lagesbilder = LagesbildCache()

    init(configuration: ServerConfiguration, kommuner: KommunDirectory, store: any PlatformStore) throws {
        self.configuration = configuration
        self.kommuner = kommuner
        self.store = store
        pages = try PageRenderer()
        throttle = LoginThrottle(limit: configuration.loginAttempts, window: configuration.throttleWindow)
        deliveries = DeliveryWriter(store: store, clock: configuration.clock)
    }

    var accounts: any AccountStore { store }

    var now: Date { configuration.clock() }

    /// Today in the kommun's time zone, by the configured clock.
    func today(for config: KommunConfig) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: now)
    }

    /// Reads the kommun files again (SIGHUP); the running ones stay unless every file validates. Returns the
    /// problems.
    func reloadKommuner() -> [String] {
        let problems = kommuner.reload()
        if problems.isEmpty { lagesbilder.removeAll() }
        return problems
    }

    /// The use case "ingest rows" for the web application's doors (form, API, upload): the kommun's validator
    /// and privacy guard as for a file, stored with group commit, the audit event in the same transaction as
    /// the rows (a refused delivery is audited on its own).
    func deliver(_ source: some ReportRowSource, config: KommunConfig, actor: String, action: String, logger: Logger) async throws -> ImportSummary {
        let now = self.now
        let validator = ReportValidator(config: config, today: today(for: config), privacy: .refuse)
        let delivery = ReportDelivery(source: source, config: config, validator: validator) { outcome in
            AuditEvent(at: now, kommun: config.id, actor: actor, action: action,
                       detail: "\(outcome.new) new, \(outcome.revised) corrected, \(outcome.unchanged) unchanged")
        }
        let summary = try await deliveries.deliver(delivery).get()
        if !summary.committed {
            audit(action + ".refused", kommun: config.id, actor: actor, detail: "\(summary.refused.count) rows refused", logger: logger)
        }
        return summary
    }

    /// Writes an audit event; a failure to write it is logged, never shown to the person (the action itself
    /// already happened).
    func audit(_ action: String, kommun: String?, actor: String, detail: String = "", logger: Logger) {
        do {
            try accounts.record(AuditEvent(at: now, kommun: kommun, actor: actor, action: action, detail: detail))
        } catch {
            logger.error("audit log write failed", metadata: ["action": "\(action)", "error": "\(error)"])
        }
    }
}
