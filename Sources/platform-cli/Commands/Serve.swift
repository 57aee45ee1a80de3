import ArgumentParser
import Foundation
import Logging
import Platform
import PlatformServer
import Synchronization

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web application for every kommun in the municipalities folder.",
        discussion: """
            Reporters report from their phones, readers open the lägesbild, systems deliver reports through the \
            JSON API (schemas/openapi.yaml). Accounts are made with `platform-cli user add`. Logs are JSON lines on \
            standard error. SIGTERM stops it after the requests in flight; SIGHUP reloads the kommun files when \
            they all validate. See docs/deploy.md.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("The address users reach the application at (links in invitations and calendars; https makes cookies Secure; default: $PLATFORM_PUBLIC_URL).", valueName: "url"))
    var publicURL: String?

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var exporterOptions: ExporterOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        if let publicURL, URL(string: publicURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--public-url must be an http or https URL, such as https://trygghet.example.se")
        }
    }

    func run() throws {
        let clock = Now.clock
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, clock: clock) }
        var configuration = ServerConfiguration(
            host: host, port: port, publicURL: (publicURL ?? Now.environment.publicURL).flatMap(URL.init(string:)),
            municipalitiesFolder: catalogOptions.directory ?? Now.environment.municipalities,
            exporters: try exporterOptions.catalog(), clock: clock)
        configuration.kommunLoader = Now.environment.cachingLoader
        let logger = Logger(label: "platform")
        let store = try storeOptions.open()
        // The command line is synchronous; the server runs on its own threads until it is told to stop.
        let outcome = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await PlatformServer.run(configuration, store: store, logger: logger) { address in
                    // Unbuffered: a script that started the server waits for this line.
                    FileHandle.standardOutput.write(Data("Trygghetsplattformen: \(address)  (Ctrl-C stops it)\n".utf8))
                }
            } catch {
                outcome.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 }) { throw error }
    }
}
