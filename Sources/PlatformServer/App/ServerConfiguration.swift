import Foundation
import Platform
import Plugins

/// Everything the web application is started with; the command line builds it once from its options and
/// the environment, and tests build it directly.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The address users reach the application at (`https://trygghet.example.se`): links in invitations and
    /// calendar subscriptions, and `Secure` cookies when it is https.
    public var publicURL: URL?
    /// The folder of kommun files (reloaded on SIGHUP).
    public var municipalitiesFolder: String
    /// How kommun files are read (whether links are followed).
    public var kommunLoader = KommunConfigLoader()
    /// The formats downloads are offered in.
    public var exporters: ExporterCatalog
    /// The clock: the real time, or a fixed one for tests and demos.
    public var clock: @Sendable () -> Date
    /// How long a login lasts.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Failed logins allowed per login name and per client address in `throttleWindow`.
    public var loginAttempts = 5
    public var throttleWindow: TimeInterval = 15 * 60
    /// The largest request body accepted (report uploads).
    public var maxUploadSize = 16 * 1024 * 1024

    public init(host: String = "127.0.0.1", port: Int = 8080, publicURL: URL? = nil,
                municipalitiesFolder: String, exporters: ExporterCatalog, clock: @escaping @Sendable () -> Date) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.municipalitiesFolder = municipalitiesFolder
        self.exporters = exporters
        self.clock = clock
    }

    /// Cookies carry `Secure` when users reach the application over https.
    var secureCookies: Bool { publicURL?.scheme == "https" }

    /// `path` made absolute with the public URL (or as a path when none is set).
    func absolute(_ path: String) -> String {
        guard let base = publicURL?.absoluteString else { return path }
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    }
}
