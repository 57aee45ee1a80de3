/// Where the report store is, as `--store` or `PLATFORM_STORE` names it: today a SQLite file. A value with a
/// URL scheme (`postgres://…`) is never taken as a path (it would silently create a folder `postgres:`); it is
/// refused until that kind of store is supported.
public enum StoreLocation: Sendable, Hashable {
    /// A SQLite file at this path.
    case sqlite(path: String)

    /// The store `argument` names; `source` is where it came from (`--store`, `PLATFORM_STORE`) for the error.
    /// A value with a URL scheme is refused, naming only its scheme (the rest may hold a password).
    public init(_ argument: String, source: String) throws {
        if let scheme = Self.urlScheme(argument) {
            throw Diagnostic(file: source, mark: nil, message: "'\(scheme)://…' is a URL, not a file path; "
                + (scheme.lowercased().hasPrefix("postgres") ? "PostgreSQL stores are not supported yet" : "only SQLite stores are supported")
                + "; give a SQLite file path")
        }
        self = .sqlite(path: argument)
    }

    /// The store `option` (`--store`) names, else the one `environment` names or its default.
    public init(option: String?, environment: PlatformEnvironment) throws {
        if let option {
            try self.init(option, source: "--store")
        } else {
            try self.init(environment.storePath, source: environment.isStoreNamed ? "PLATFORM_STORE" : "default store")
        }
    }

    /// The SQLite file's path.
    public var path: String {
        switch self {
        case .sqlite(let path): path
        }
    }

    /// The scheme of `text` when it starts like a URL (`scheme://`, the scheme a letter then letters, digits,
    /// `+`, `-` or `.`), else nil.
    static func urlScheme(_ text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(scheme)
    }
}
