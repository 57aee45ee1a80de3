import Crypto
import Foundation
import Testing
@testable import Platform

/// The compiled configuration cache: an entry gives exactly what the YAML gives, and is never used when the
/// file was edited, the entry is damaged or written for another build, or the folder is not safe.
@Suite("Compiled configuration cache")
struct KommunConfigCacheTests {
    /// Every kommun file the repository ships, the examples included.
    static let shippedFiles: [String] = {
        let root = ShippedKommunFilesTests.root.appendingPathComponent("municipalities").path
        return ((try? KommunCatalog.yamlFiles(in: root, recursive: true)) ?? [])
    }()

    private func cache(in folder: TemporaryDirectory) throws -> KommunConfigCache {
        try #require(KommunConfigCache(directory: folder.path("cache")))
    }

    private func entries(_ cache: KommunConfigCache) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache.directory).sorted()
    }

    @Test func secondLoadComesFromTheEntryAndEqualsTheYAML() throws {
        let folder = try TemporaryDirectory()
        let cache = try cache(in: folder)
        let loader = KommunConfigLoader(cache: cache)
        for file in Self.shippedFiles {
            let plain = KommunConfigLoader().load(path: file)
            let first = loader.load(path: file)
            let second = loader.load(path: file)
            #expect(first.config == plain.config && second.config == plain.config, "\(file)")
            #expect(second.diagnostics.isEmpty && second.source == plain.source)
        }
        #expect(try entries(cache).count == Set(Self.shippedFiles.map { try! Data(contentsOf: URL(fileURLWithPath: $0)) }).count)
    }

    /// An entry is what the program reads for the file: one made for another configuration is used as it is
    /// (which shows the entry is read at all), and the same entry made for another build, another file's
    /// bytes or with a byte changed is not.
    @Test func onlyAWholeEntryForThisFileAndBuildIsUsed() throws {
        let folder = try TemporaryDirectory()
        let cache = try cache(in: folder)
        let loader = KommunConfigLoader(cache: cache)
        let lysekil = try #require(Self.shippedFiles.first { $0.hasSuffix("/lysekil.yaml") })
        let tranemo = try #require(KommunConfigLoader().load(path: Self.shippedFiles.first { $0.hasSuffix("/tranemo.yaml") }!).config)
        let digest = Array(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: lysekil))))
        let key = cache.key(for: loader)
        let path = cache.entryPath(digest)

        let forged = try #require(KommunConfigCache.entry(for: tranemo, key: key, digest: digest))
        try Data(forged).write(to: URL(fileURLWithPath: path))
        #expect(loader.load(path: lysekil).config?.id == "tranemo")

        var damaged = forged
        damaged[damaged.count / 2] ^= 0x01
        let otherBuild = try #require(KommunConfigCache.entry(for: tranemo, key: key + [0x20], digest: digest))
        var otherDigest = digest
        otherDigest[0] ^= 0xFF
        let otherFile = try #require(KommunConfigCache.entry(for: tranemo, key: key, digest: otherDigest))
        for entry in [damaged, Array(forged.dropLast()), [], otherBuild, otherFile] {
            try Data(entry).write(to: URL(fileURLWithPath: path))
            #expect(loader.load(path: lysekil).config?.id == "lysekil")
            // The entry was written anew, from the YAML.
            #expect(loader.load(path: lysekil).config?.id == "lysekil")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != Data(entry))
        }
    }

    @Test func anEditedFileIsReadFromItsYAML() throws {
        let folder = try TemporaryDirectory()
        let loader = KommunConfigLoader(cache: try cache(in: folder))
        let text = try String(contentsOfFile: Self.shippedFiles.first { $0.hasSuffix("/tranemo.yaml") }!, encoding: .utf8)
        let file = try folder.write("tranemo.yaml", text)
        #expect(loader.load(path: file).config?.kommun.name == "Tranemo kommun")
        let edited = text.replacingOccurrences(of: "  name: Tranemo kommun\n", with: "  name: Tranemo (redigerad)\n")
        #expect(edited != text)
        try folder.write("tranemo.yaml", edited)
        #expect(loader.load(path: file).config?.kommun.name == "Tranemo (redigerad)")
        #expect(loader.load(path: file).config?.kommun.name == "Tranemo (redigerad)")
    }

    @Test func aFileWithProblemsIsNeverCached() throws {
        let folder = try TemporaryDirectory()
        let cache = try cache(in: folder)
        let loader = KommunConfigLoader(cache: cache)
        let broken = KommunConfigDecodingTests.minimal.replacingOccurrences(of: "schemaVersion: 1", with: "schemaVersion: 2")
        let file = try folder.write("broken.yaml", broken)
        let plain = KommunConfigLoader().load(path: file)
        #expect(!plain.diagnostics.isEmpty)
        for _ in 0..<2 {
            let loaded = loader.load(path: file)
            #expect(loaded.config == nil && loaded.diagnostics == plain.diagnostics)
        }
        #expect(try entries(cache).isEmpty)
    }

    @Test func aFolderOthersMayWriteInIsNotUsed() throws {
        let folder = try TemporaryDirectory()
        let shared = folder.path("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        #expect(chmod(shared, 0o777) == 0)
        #expect(KommunConfigCache(directory: shared) == nil)
        #expect(chmod(shared, 0o700) == 0)
        #expect(KommunConfigCache(directory: shared) != nil)
        try folder.write("file", "not a folder")
        #expect(KommunConfigCache(directory: folder.path("file")) == nil)
    }

    @Test func theEnvironmentNamesTheFolder() {
        #expect(PlatformEnvironment(["PLATFORM_CACHE": "/var/cache/est", "HOME": "/home/a"]).cacheDirectory == "/var/cache/est")
        #expect(PlatformEnvironment(["PLATFORM_CACHE": "off", "HOME": "/home/a"]).cacheDirectory == nil)
        #expect(PlatformEnvironment(["PLATFORM_CACHE": ""]).cacheDirectory == nil)
        #expect(PlatformEnvironment(["XDG_CACHE_HOME": "/x", "HOME": "/home/a"]).cacheDirectory == "/x/trygghetsplattformen")
        #expect(PlatformEnvironment(["HOME": "/home/a"]).cacheDirectory == "/home/a/.cache/trygghetsplattformen")
        #expect(PlatformEnvironment([:]).cacheDirectory == nil)
        #expect(PlatformEnvironment(["PLATFORM_CACHE": "off"]).cachingLoader.cache == nil)
        #expect(PlatformEnvironment([:]).loader.cache == nil)
    }
}
