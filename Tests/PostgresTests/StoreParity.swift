import Foundation
import Platform
import PlatformPostgres
import Testing

/// The part of the store contract `PostgresStore` and SQLite's `ReportStore` are compared on here.
typealias DomainStore = AccountStore & InterventionStore & PriorityStore & EscalationStore & AreaStatusStore

/// What a scenario saw: one line per call, its result or the error it threw (type and text), in order.
final class Transcript {
    private(set) var lines: [String] = []

    /// Runs `body`, notes its result (or error) under `label` and returns it (nil after an error).
    @discardableResult
    func note<T>(_ label: String, _ body: () throws -> T) -> T? {
        do {
            let value = try body()
            lines.append("\(label): \(value)")
            return value
        } catch {
            lines.append("\(label): \(type(of: error)) \(error)")
            return nil
        }
    }
}

/// Runs the same scenario on a fresh SQLite store (the reference) and on a fresh PostgreSQL store (bcrypt at
/// cost 4 on both) whose database sorts text in Swedish (å before ä; SQLite sorts by byte, ä before å), and expects the two transcripts to be equal line by line. Returns SQLite's transcript, for
/// the test's own checks that the scenario did what it meant to.
@discardableResult
func expectParity(_ scenario: (any DomainStore, Transcript) throws -> Void,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parity-" + UUID().uuidString)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sqlite = try ReportStore(path: folder.appendingPathComponent("store.sqlite").path, passwordCost: 4)
    let database = try TestDatabase(icuLocale: "sv-SE")
    defer { database.drop() }
    let postgres = try PostgresStore(url: database.url, passwordCost: 4)
    defer { postgres.bridge.close() }

    let expected = Transcript(), actual = Transcript()
    try scenario(sqlite, expected)
    try scenario(postgres, actual)
    for (index, (line, other)) in zip(expected.lines, actual.lines).enumerated() {
        #expect(other == line, "call \(index + 1) differs", sourceLocation: sourceLocation)
    }
    #expect(actual.lines.count == expected.lines.count, "as many calls on both stores", sourceLocation: sourceLocation)
    return expected.lines
}
