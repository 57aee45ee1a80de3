import Foundation

/// A database `t_<random>` on the PostgreSQL cluster whose admin database `PLATFORM_TEST_POSTGRES` names
/// (set by scripts/test.sh through scripts/postgres.sh), created and dropped with `psql`.
struct TestDatabase: Sendable {
    /// The new database's URL: the admin URL with the database name replaced.
    let url: String
    /// The admin database's URL, which new databases are created from.
    let admin: String
    private let name: String

    /// Why a PostgreSQL test could not get its database: the test fails with it.
    enum Problem: Error, CustomStringConvertible {
        case notConfigured
        case psqlFailed(String)

        var description: String {
            switch self {
            case .notConfigured:
                "PLATFORM_TEST_POSTGRES is not set: run scripts/test.sh, which starts a throwaway PostgreSQL cluster "
                    + "(scripts/postgres.sh) and sets it; the PostgreSQL store's tests never skip"
            case .psqlFailed(let message):
                "psql failed on the test cluster: \(message)"
            }
        }
    }

    /// A new database on the cluster of the admin database `admin`, empty or (`template`) a copy of another.
    init(admin: String?, template: TestDatabase?) throws {
        guard let admin, !admin.isEmpty else {
            throw Problem.notConfigured
        }
        self.admin = admin
        name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        url = Self.url(admin, database: name)
        try Self.psql(admin, "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0.name)" } ?? ""))
    }

    /// Drops the database, ending the connections still open to it.
    func drop() {
        try? Self.psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `url` (`postgres://USER@HOST/DB?…`) naming `database` instead of its own.
    static func url(_ url: String, database: String) -> String {
        let query = url.firstIndex(of: "?") ?? url.endIndex
        let authorityStart = url.range(of: "://").map(\.upperBound) ?? url.startIndex
        let slash = url[authorityStart..<query].firstIndex(of: "/") ?? query
        return url[..<slash] + "/" + database + url[query...]
    }

    /// Runs one statement with `psql` on the admin database (libpq takes the URL as it is), outside a
    /// transaction block, as CREATE and DROP DATABASE need.
    private static func psql(_ admin: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--dbname=\(admin)", "--command=\(statement)"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem.psqlFailed(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
