/// Where the report store is, as `--store` or `PLATFORM_STORE` names it: a SQLite file, or a PostgreSQL
/// database (`postgres://…`, `PostgresURL`). Any other value with a URL scheme is never taken as a path (it
/// would silently create a folder `mysql:`): it is refused.
public enum StoreLocation: Sendable, Hashable {
    /// A SQLite file at this path.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresURL)

    /// The store `argument` names; `source` is where it came from (`--store`, `PLATFORM_STORE`) for the error.
    /// A `postgres://` or `postgresql://` URL is parsed (`PostgresURL`); any other value with a URL scheme is
    /// refused, naming only its scheme (the rest may hold a password).
    public init(_ argument: String, source: String) throws {
        guard let scheme = Self.urlScheme(argument) else {
            self = .sqlite(path: argument)
            return
        }
        guard ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw Diagnostic(file: source, mark: nil, message: "'\(scheme)://…' is a URL, not a file path; "
                + "give a SQLite file path or a postgres:// URL")
        }
        self = .postgres(try PostgresURL(argument, source: source))
    }

    /// The store `option` (`--store`) names, else the one `environment` names or its default.
    public init(option: String?, environment: PlatformEnvironment) throws {
        if let option {
            try self.init(option, source: "--store")
        } else {
            try self.init(environment.storePath, source: environment.isStoreNamed ? "PLATFORM_STORE" : "default store")
        }
    }

    /// The SQLite path `argument` names; a URL, PostgreSQL's included, is refused (`source` names the opener).
    public static func sqlitePath(_ argument: String, source: String) throws -> String {
        switch try StoreLocation(argument, source: source) {
        case .sqlite(let path): return path
        case .postgres: throw Diagnostic(file: source, mark: nil, message: "'\(urlScheme(argument) ?? "postgres")://…' is a "
            + "PostgreSQL URL, not a SQLite file path")
        }
    }

    /// The SQLite file's path; nil for a PostgreSQL store.
    public var sqlitePath: String? {
        switch self {
        case .sqlite(let path): path
        case .postgres: nil
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
