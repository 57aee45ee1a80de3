import Foundation

/// What the platform takes from its process environment, read in one place: the command line builds it once
/// from `ProcessInfo`, the server once at start, a test from a dictionary; everything else is passed it (or
/// the values it holds) and never reads the environment itself.
///
/// | Variable | Value |
/// |---|---|
/// | `PLATFORM_NOW` | the clock, fixed (ISO 8601, `2026-11-24T12:00:00Z`): reproducible runs, tests, demos |
/// | `PLATFORM_STORE` | the report store (default `data/platform.sqlite`) |
/// | `PLATFORM_MUNICIPALITIES` | the folder of kommun files (default `municipalities`) |
/// | `PLATFORM_TEMPLATES` | the folder of Mustache templates (default `templates`) |
/// | `PLATFORM_PLUGINS` | the folder of external exporters (default `plugins`) |
/// | `PLATFORM_PUBLIC_URL` | the address the server is reached at (links in invitations and calendars) |
/// | `PLATFORM_FOLLOW_LINKS` | `1`: follow symbolic links in the kommun folder wherever they point |
/// | `PLATFORM_CACHE` | the compiled configuration cache's folder (default `$XDG_CACHE_HOME/trygghetsplattformen`, else `$HOME/.cache/trygghetsplattformen`); `off`: no cache |
public struct PlatformEnvironment: Sendable {
    /// The fixed clock `PLATFORM_NOW` gives, or nil: the real time.
    public var fixedNow: Date?
    /// The store's path: `PLATFORM_STORE`, else `ReportStore.fallbackPath`.
    public var storePath: String
    /// Whether `PLATFORM_STORE` names the store (rather than the default).
    public var isStoreNamed: Bool
    /// The folder of kommun files: `PLATFORM_MUNICIPALITIES`, else `KommunCatalog.defaultDirectory`.
    public var municipalities: String
    /// The folder of Mustache templates: `PLATFORM_TEMPLATES`, else `templates`.
    public var templates: String
    /// The folder of `platform-export-NAME` programs: `PLATFORM_PLUGINS`, else `plugins`.
    public var plugins: String
    /// The server's public address, `PLATFORM_PUBLIC_URL`, when set.
    public var publicURL: String?
    /// `PLATFORM_FOLLOW_LINKS=1`: kommun files may be links to anywhere.
    public var followsLinks: Bool
    /// The folder of the compiled configuration cache (`KommunConfigCache`): `PLATFORM_CACHE`, else
    /// `trygghetsplattformen` in `XDG_CACHE_HOME` or `HOME/.cache`; nil (no cache) when `PLATFORM_CACHE` is
    /// `off` or empty, or none of them is set.
    public var cacheDirectory: String?
    /// Problems with the values, as warnings to show once (a `PLATFORM_NOW` that is not ISO 8601 is ignored).
    public var warnings: [String] = []

    /// Reads the variables of `environment` (for the process: `ProcessInfo.processInfo.environment`).
    public init(_ environment: [String: String]) {
        if let text = environment["PLATFORM_NOW"] {
            fixedNow = Timestamp.date(text)
            if fixedNow == nil { warnings.append("PLATFORM_NOW '\(text)' is not ISO 8601 (2026-11-24T12:00:00Z); using the real time") }
        }
        let named = environment["PLATFORM_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        storePath = named ?? ReportStore.fallbackPath
        isStoreNamed = named != nil
        municipalities = environment["PLATFORM_MUNICIPALITIES"] ?? KommunCatalog.defaultDirectory
        templates = environment["PLATFORM_TEMPLATES"] ?? "templates"
        plugins = environment["PLATFORM_PLUGINS"] ?? "plugins"
        publicURL = environment["PLATFORM_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        followsLinks = environment["PLATFORM_FOLLOW_LINKS"] == "1"
        if let named = environment["PLATFORM_CACHE"] {
            cacheDirectory = named.isEmpty || named == "off" ? nil : named
        } else if let base = environment["XDG_CACHE_HOME"].flatMap({ $0.hasPrefix("/") ? $0 : nil })
                    ?? environment["HOME"].flatMap({ $0.hasPrefix("/") ? $0 + "/.cache" : nil }) {
            cacheDirectory = base + "/trygghetsplattformen"
        }
    }

    /// The loader of kommun files this environment asks for, which decodes every file's YAML (`validate`'s).
    public var loader: KommunConfigLoader { KommunConfigLoader(followsLinks: followsLinks) }

    /// The loader for every command but `validate`: `loader` with the compiled configuration cache, when
    /// there is one to use.
    public var cachingLoader: KommunConfigLoader {
        KommunConfigLoader(followsLinks: followsLinks, cache: cacheDirectory.flatMap(KommunConfigCache.init(directory:)))
    }

    /// The time now: `PLATFORM_NOW` when set, else the real time (read anew each time, for a server).
    public var now: Date { fixedNow ?? Date() }
}
