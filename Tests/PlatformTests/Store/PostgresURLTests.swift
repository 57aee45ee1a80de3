import Testing
@testable import Platform

/// Parsing `--store postgres://…` (issue 14): libpq's URL form, a socket by `?host=/dir`, and no password in
/// a description or an error.
@Suite("PostgreSQL store URL")
struct PostgresURLTests {
    @Test func aTCPURLWithEveryPart() throws {
        let url = try PostgresURL("postgres://platform:s3cret@db.example:6543/trygghet?sslmode=require", source: "--store")
        #expect(url == PostgresURL(user: "platform", password: "s3cret", database: "trygghet",
                                   endpoint: .tcp(host: "db.example", port: 6543), sslMode: .require))
        #expect(url.socketPath == nil)
    }

    @Test func defaultsArePort5432AndSSLPreferOnTCP() throws {
        let url = try PostgresURL("postgresql://platform@db.example/trygghet", source: "--store")
        #expect(url.endpoint == .tcp(host: "db.example", port: 5432))
        #expect(url.sslMode == .prefer)
        #expect(url.password == nil)
    }

    @Test func aSocketDirectoryInTheQuery() throws {
        let url = try PostgresURL("postgres://platform@/postgres?host=/tmp/pg%20x/sock&port=5433", source: "--store")
        #expect(url.endpoint == .socket(directory: "/tmp/pg x/sock", port: 5433))
        #expect(url.socketPath == "/tmp/pg x/sock/.s.PGSQL.5433")
        #expect(url.sslMode == .disable)
        #expect(url.description == "postgres://platform@/postgres?host=/tmp/pg%20x/sock&port=5433")
    }

    @Test func aHostNameInTheQueryIsTCP() throws {
        #expect(try PostgresURL("postgres://u@/db?host=db.example", source: "--store").endpoint == .tcp(host: "db.example", port: 5432))
    }

    @Test func anIPv6HostAndPercentEscapes() throws {
        let url = try PostgresURL("postgres://%C3%A5sa:p%40ss%2Fw@[::1]:5544/l%C3%A4ge", source: "--store")
        #expect(url.user == "åsa")
        #expect(url.password == "p@ss/w")
        #expect(url.endpoint == .tcp(host: "::1", port: 5544))
        #expect(url.database == "läge")
        #expect(url.description == "postgres://%C3%A5sa@[::1]:5544/l%C3%A4ge")
    }

    @Test func anUnescapedAtInThePasswordSplitsAtTheLastAt() throws {
        let url = try PostgresURL("postgres://u:a@b@host/db", source: "--store")
        #expect(url.password == "a@b")
        #expect(url.endpoint == .tcp(host: "host", port: 5432))
    }

    @Test func theDescriptionNeverShowsThePassword() throws {
        let url = try PostgresURL("postgres://platform:s3cret@db.example/trygghet?sslmode=disable", source: "--store")
        #expect(url.description == "postgres://platform@db.example:5432/trygghet?sslmode=disable")
        #expect(!"\(StoreLocation.postgres(url))".contains("s3cret"))
    }

    @Test func anotherDatabaseOnTheSameServer() throws {
        let url = try PostgresURL("postgres://u:pw@h/admin", source: "--store").with(database: "t_1")
        #expect(url.database == "t_1")
        #expect(url.password == "pw")
    }

    /// Every malformed URL is refused, naming the source and what is wrong, never the password.
    @Test(arguments: [
        ("mysql://u:s3cret@h/db", "the scheme must be postgres:// or postgresql://"),
        ("postgres://u:s3cret@h", "no database is named"),
        ("postgres://u:s3cret@h/", "no database is named"),
        ("postgres://:s3cret@h/db", "no user is named"),
        ("postgres://h/db", "no user is named"),
        ("postgres://u:s3cret@/db", "no host is named"),
        ("postgres://u:s3cret@h:0/db", "the port must be a number from 1 to 65535"),
        ("postgres://u:s3cret@h:99999/db", "the port must be a number from 1 to 65535"),
        ("postgres://u:s3cret@h:x/db", "the port must be a number from 1 to 65535"),
        ("postgres://u:s3cret@h/db?sslmode=verify-full", "sslmode must be one of disable, prefer, require"),
        ("postgres://u:s3cret@h/db?s3cret", "the query item '…' has no value"),
        ("postgres://u:s3cret@h/db?s3cret=1", "the query item '…' is not supported"),
        ("postgres://u:s3cret@h/db?connect_timeout=1", "the query item 'connect_timeout' is not supported"),
        ("postgres://u:s3cret@/db?host=/tmp&sslmode=require", "sslmode=require cannot be used on a Unix socket"),
        ("postgres://u:s3%ZZcret@h/db", "the password has a broken %-escape"),
        ("postgres://u:s3cret@h/db/x", "the database name may not contain '/'"),
        ("postgres://u:s3cret@h/db#s3cret", "a fragment (#…) is not allowed"),
        ("postgres://u:s3cret@[::1/db", "an IPv6 address lacks its closing ]"),
    ])
    func aMalformedURLIsRefused(_ text: String, _ reason: String) throws {
        let error = try #require(throws: Diagnostic.self) { try PostgresURL(text, source: "PLATFORM_STORE") }
        #expect(error.headline.hasPrefix("PLATFORM_STORE: error: PostgreSQL store URL: \(reason)"), "\(error.headline)")
        #expect(!error.headline.contains("s3cret"))
    }
}
