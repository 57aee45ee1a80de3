import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Platform
@testable import PlatformServer
import Plugins

/// A server over a new store in a temporary folder, serving the shipped kommun files, with a fixed clock
/// (2026-11-25, a Wednesday of week 48). Tests drive its router in process with HummingbirdTesting.
struct ServerFixture {
    static let now = Timestamp.date("2026-11-25T09:00:00Z")!
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let directory: URL
    let services: ServerServices

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let exporters = try ExporterCatalog(templates: TemplateFolder(path: directory.appendingPathComponent("templates").path),
                                            pluginFolder: directory.appendingPathComponent("plugins").path, timeLimit: .seconds(10))
        let configuration = ServerConfiguration(storePath: directory.appendingPathComponent("store.sqlite").path,
                                                municipalitiesFolder: Self.repository.appendingPathComponent("municipalities").path,
                                                exporters: exporters, clock: { ServerFixture.now })
        services = try PlatformServer.services(configuration)
    }

    /// Runs `test` against the application in process.
    func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: PlatformServer.router(services: services))
        try await app.test(.router, test)
    }
}
