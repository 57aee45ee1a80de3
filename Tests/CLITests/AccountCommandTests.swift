import Foundation
import StoreTestSupport
import Testing

/// `user`, `token` and `audit` round trip on a fresh store against the shipped kommun files: accounts with a
/// password from standard input or an invitation link, roles checked against the kommun files, API tokens
/// shown once and stored hashed, and every change in the audit log. Secrets are masked in the golden file.
@Suite("Account commands", .serialized)
struct AccountCommandTests {
    static let password = "demo-lösenord-2026"

    private func run(_ arguments: [String], store: String, stdin: String? = nil) throws -> CLI.Result {
        // The password goes in on standard input, as `--password-stdin` reads it.
        let launcher = stdin == nil ? [] : ["/bin/sh", "-c", "printf '%s\\n' \"$PASSWORD_INPUT\" | exec \"$0\" \"$@\""]
        return try CLI.run(arguments + ["--store", store], environment: ["PASSWORD_INPUT": stdin ?? ""], launcher: launcher)
    }

    /// `output` with each 43-character secret (a token or the last part of a link) replaced by `SECRET`.
    private func masked(_ output: String) -> String {
        output.replacingOccurrences(of: "[A-Za-z0-9_-]{43}", with: "SECRET", options: .regularExpression)
    }

    @Test(arguments: StoreKind.tested) func usersTokensAndTheAuditLogRoundTrip(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = fresh.location
        var transcript = ""
        func step(_ arguments: [String], stdin: String? = nil, fails: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let result = try run(arguments, store: store, stdin: stdin)
            #expect((result.status != 0) == fails, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            transcript += "$ platform-cli \(arguments.joined(separator: " "))\n" + masked(result.stdout) + result.stderr
            return result.stdout + result.stderr
        }
        _ = try step(["user", "add", "Polis.Lysekil", "--name", "Kommunpolisen", "--kommun", "lysekil", "--role", "reporter",
                      "--reporter", "polismyndigheten", "--kommun", "tranemo", "--role", "reporter", "--reporter", "polisen",
                      "--password-stdin"], stdin: Self.password)
        let invited = try step(["user", "add", "kim@tranemo.se", "--name", "Kim Berg", "--kommun", "tranemo", "--role", "coordinator",
                                "--public-url", "https://est.example.se/"])
        #expect(invited.contains("https://est.example.se/invite/"))
        _ = try step(["user", "add", "admin", "--name", "Plattformen", "--admin", "--password-stdin"], stdin: Self.password)
        let refused = try step(["user", "add", "x", "--name", "X", "--kommun", "lysekl", "--role", "reader"], fails: true)
        #expect(refused.contains("did you mean 'lysekil'?"))
        _ = try step(["user", "add", "x", "--name", "X", "--kommun", "tranemo", "--role", "reporter", "--reporter", "polis"], fails: true)
        _ = try step(["user", "add", "x", "--name", "X", "--kommun", "tranemo", "--role", "reporter"], fails: true)
        _ = try step(["user", "add", "x", "--name", "X", "--password-stdin"], stdin: "för kort", fails: true)
        _ = try step(["user", "add", "POLIS.lysekil", "--name", "Igen"], fails: true)
        _ = try step(["user", "grant", "kim@tranemo.se", "--kommun", "lysekil", "--role", "reader"])
        _ = try step(["user", "revoke", "kim@tranemo.se", "--kommun", "lysekil"])
        _ = try step(["user", "revoke", "kim@tranemo.se", "--kommun", "lysekil"], fails: true)
        _ = try step(["user", "disable", "Kim@Tranemo.se"])
        _ = try step(["user", "list", "--kommun", "tranemo"])
        _ = try step(["user", "enable", "kim@tranemo.se"])
        _ = try step(["user", "invite", "kim@tranemo.se", "--expires-days", "2", "--public-url", "https://est.example.se"])
        _ = try step(["user", "password", "kim@tranemo.se", "--password-stdin"], stdin: "ett eget långt lösenord")
        _ = try step(["user", "password", "ingen", "--password-stdin"], stdin: Self.password, fails: true)
        let added = try step(["token", "add", "lysekil", "--name", "Polisens system", "--reporter", "polismyndigheten"])
        let secret = try #require(added.split(separator: "\n").last.map(String.init))
        _ = try step(["token", "add", "tranemo", "--name", "Fel", "--reporter", "polismyndigheten"], fails: true)
        _ = try step(["token", "revoke", "tranemo", "1"], fails: true)
        _ = try step(["token", "revoke", "lysekil", "1"])
        _ = try step(["token", "list", "lysekil", "--lang", "en"])
        _ = try step(["user", "list"])
        _ = try step(["user", "list", "--lang", "en"])
        _ = try step(["audit", "--kommun", "tranemo"])
        _ = try step(["audit", "--limit", "3", "--lang", "en"])
        try CLI.expectGolden(transcript, "accounts-round-trip.txt")

        // Only hashes of secrets are stored; the password never is: in no table, and (SQLite) in no byte of the file.
        let stored = try fresh.open()
        #expect(secret.count == 43)
        #expect(try !stored.anyTableContains(secret) && !stored.anyTableContains(Self.password))
        if kind == .sqlite {
            let raw = try Data(contentsOf: URL(fileURLWithPath: store)) + ((try? Data(contentsOf: URL(fileURLWithPath: store + "-wal"))) ?? Data())
            #expect(raw.range(of: Data(secret.utf8)) == nil && raw.range(of: Data(Self.password.utf8)) == nil)
        }
        #expect(try stored.auditLog(kommun: nil, limit: 1000).filter { $0.actor == "cli" }.count == 15, "every change, and only the changes")
    }
}
