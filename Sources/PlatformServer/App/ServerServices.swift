import Foundation
import Logging
import Platform
import Plugins

/// What every route works with, made once at start and handed down: the configuration, the kommuner,
/// the store (reports and accounts), the page renderer and the login throttle.
final class ServerServices: Sendable {
    let configuration: ServerConfiguration
    let kommuner: KommunDirectory
    let store: ReportStore
    let pages: PageRenderer
    let throttle: LoginThrottle

    init(configuration: ServerConfiguration, kommuner: KommunDirectory, store: ReportStore) throws {
        self.configuration = configuration
        self.kommuner = kommuner
        self.store = store
        pages = try PageRenderer()
        throttle = LoginThrottle(limit: configuration.loginAttempts, window: configuration.throttleWindow)
    }

    var accounts: any AccountStore { store }

    var now: Date { configuration.clock() }

    /// Today in the kommun's time zone, by the configured clock.
    func today(for config: KommunConfig) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: config.kommun.timeZone) ?? .current, now: now)
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
