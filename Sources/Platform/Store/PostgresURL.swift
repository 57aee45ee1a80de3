/// A PostgreSQL store's address, as `--store` or `PLATFORM_STORE` gives it:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`), with libpq's query items
/// `host=/socket/dir` (a Unix socket, file `DIR/.s.PGSQL.PORT`), `port=N` and `sslmode=disable|prefer|require`.
///
/// Its `description` never shows the password, and no parsing error repeats any part of the value (a
/// password may sit anywhere a typo moved it).
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    /// Whether a TCP connection uses TLS: never, when the server offers it, or always.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
    }

    /// Where the server listens.
    public enum Endpoint: Sendable, Hashable {
        /// A host name or address, and a port.
        case tcp(host: String, port: Int)
        /// A Unix socket in `directory`, its file named after `port` as PostgreSQL names it.
        case socket(directory: String, port: Int)
    }

    /// The role the store connects as.
    public var user: String
    /// The role's password; nil when the server needs none (peer or trust authentication, a socket).
    public var password: String?
    /// The database's name.
    public var database: String
    public var endpoint: Endpoint
    /// TLS on a TCP connection; `.disable` on a socket.
    public var sslMode: SSLMode

    /// The port PostgreSQL listens on unless told otherwise.
    public static let defaultPort = 5432

    /// A URL from its parts.
    public init(user: String, password: String? = nil, database: String, endpoint: Endpoint, sslMode: SSLMode? = nil) {
        self.user = user
        self.password = password
        self.database = database
        self.endpoint = endpoint
        if case .socket = endpoint { self.sslMode = .disable } else { self.sslMode = sslMode ?? .prefer }
    }

    /// Parses `text`; `source` (`--store`, `PLATFORM_STORE`) names where it came from in an error.
    public init(_ text: String, source: String) throws {
        func problem(_ message: String) -> Diagnostic {
            Diagnostic(file: source, mark: nil, message: "PostgreSQL store URL: \(message) "
                + "(expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, or ?host=/socket/dir for a Unix socket)")
        }
        guard let schemeEnd = text.range(of: "://"),
              ["postgres", "postgresql"].contains(text[..<schemeEnd.lowerBound].lowercased()) else {
            throw problem("the scheme must be postgres:// or postgresql://")
        }
        var rest = text[schemeEnd.upperBound...]
        var queryText: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        if rest.contains("#") { throw problem("a fragment (#…) is not allowed") }
        guard let slash = rest.firstIndex(of: "/") else { throw problem("no database is named (/DATABASE after the host)") }
        var authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]

        var user: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try Self.decoded(userInfo[..<colon], part: "the user name", problem)
                password = try Self.decoded(userInfo[userInfo.index(after: colon)...], part: "the password", problem)
            } else {
                user = try Self.decoded(userInfo, part: "the user name", problem)
            }
        }
        var host: String
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw problem("an IPv6 address lacks its closing ]") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw problem("unexpected text after the IPv6 address") }
                port = try Self.port(after.dropFirst(), problem)
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = try Self.decoded(authority[..<colon], part: "the host", problem)
            port = try Self.port(authority[authority.index(after: colon)...], problem)
        } else {
            host = try Self.decoded(authority, part: "the host", problem)
        }
        var database = try Self.decoded(path, part: "the database name", problem)

        var sslMode: SSLMode?
        var socketDirectory: String?
        for item in queryText.split(separator: "&", omittingEmptySubsequences: true) {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decoded(pair[0], part: "a query item's name", problem)
            guard pair.count == 2 else { throw problem("the query item '\(Self.shownKey(key))' has no value") }
            let value = try Self.decoded(pair[1], part: "the value of '\(Self.shownKey(key))'", problem)
            switch key {
            case "host":
                if value.hasPrefix("/") { socketDirectory = value } else { host = value }
            case "port": port = try Self.port(Substring(value), problem)
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw problem("sslmode must be one of " + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                sslMode = mode
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            default:
                throw problem("the query item '\(Self.shownKey(key))' is not supported (supported: host, port, sslmode, user, password, dbname)")
            }
        }
        guard let user, !user.isEmpty else { throw problem("no user is named (USER@ before the host)") }
        guard !database.isEmpty else { throw problem("no database is named (/DATABASE after the host)") }
        guard !database.contains("/") else { throw problem("the database name may not contain '/'") }
        let endpoint: Endpoint
        if let socketDirectory {
            if sslMode == .require { throw problem("sslmode=require cannot be used on a Unix socket (?host=/…)") }
            endpoint = .socket(directory: socketDirectory, port: port ?? Self.defaultPort)
        } else {
            guard !host.isEmpty else { throw problem("no host is named (HOST after @, or ?host=/socket/dir)") }
            endpoint = .tcp(host: host, port: port ?? Self.defaultPort)
        }
        self.init(user: user, password: password, database: database, endpoint: endpoint, sslMode: sslMode)
    }

    /// The same server and role, another database (tests create one per test from an admin database).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The Unix socket's file (`DIR/.s.PGSQL.PORT`), nil on TCP.
    public var socketPath: String? {
        guard case .socket(let directory, let port) = endpoint else { return nil }
        return (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
    }

    /// The URL with its password left out (`postgres://user@host:5432/db`, a socket as `?host=DIR`).
    public var description: String {
        var text = "postgres://" + Self.encoded(user)
        switch endpoint {
        case .tcp(let host, let port):
            text += "@" + (host.contains(":") ? "[\(host)]" : Self.encoded(host)) + ":\(port)/" + Self.encoded(database)
            if sslMode != .prefer { text += "?sslmode=\(sslMode.rawValue)" }
        case .socket(let directory, let port):
            text += "@/" + Self.encoded(database) + "?host=" + Self.encoded(directory, keeping: "/")
            if port != Self.defaultPort { text += "&port=\(port)" }
        }
        return text
    }

    /// `text` with its `%XX` escapes decoded; a broken escape or bytes that are not UTF-8 are refused, naming
    /// the part only.
    private static func decoded(_ text: Substring, part: String, _ problem: (String) -> Diagnostic) throws -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw problem("\(part) has a broken %-escape")
            }
            bytes.append(high << 4 | low)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw problem("\(part) is not UTF-8 once decoded") }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func port(_ text: Substring, _ problem: (String) -> Diagnostic) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else { throw problem("the port must be a number from 1 to 65535") }
        return port
    }

    /// A query item's name as an error shows it: only one of libpq's names (anything else may be a password
    /// pasted in the wrong place).
    private static func shownKey(_ key: String) -> String {
        libpqKeywords.contains(key) ? key : "…"
    }

    /// libpq's connection parameters, named in errors when one is given that this store does not take.
    private static let libpqKeywords: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode",
        "sslmode", "requiressl", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl",
        "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname",
        "gsslib", "service", "target_session_attrs",
    ]

    /// `text` percent-encoded for a URL, letters, digits, `-._~` and `keeping` left as they are.
    private static func encoded(_ text: String, keeping: String = "") -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, Character(scalar).isLetter || Character(scalar).isNumber || "-._~".unicodeScalars.contains(scalar)
                || keeping.unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
