import Foundation
import Testing

/// Every command that writes to the store stamps its rows with the command line's clock (`PLATFORM_NOW`
/// in the tests), like ingest does, so a run can be reproduced exactly.
@Suite("Command clock")
struct CommandClockTests {
    @Test func writeCommandsStampTheCommandLinesClock() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = directory.appendingPathComponent("store.sqlite").path
        let writes: [[String]] = [
            ["escalation", "declare", "lysekil", "social-oro", "--from", "2026-11-23"],
            ["escalation", "end", "lysekil", "social-oro", "--on", "2026-11-24"],
            ["status", "set", "lysekil", "stadsparken", "yellow", "--by", "operativt-trygghetsteam", "--reason", "Skadegörelse"],
            ["prioritet", "decide", "lysekil", "--period", "2026-Q4", "--areas", "stadsparken", "--by", "styrgrupp"],
            ["insats", "propose", "lysekil", "--title", "Belysning", "--by", "operativt-trygghetsteam"],
            ["report", "nothing", "lysekil", "lysekilsbostader", "--period", "2026-W47"],
        ]
        for arguments in writes {
            let result = try CLI.run(arguments + ["--store", store])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let stamps = try CLI.sqliteRows(store, """
            SELECT declared_at FROM escalations UNION ALL SELECT ended_at FROM escalations
            UNION ALL SELECT recorded_at FROM area_statuses UNION ALL SELECT recorded_at FROM priorities
            UNION ALL SELECT recorded_at FROM intervention_events UNION ALL SELECT recorded_at FROM nothing_to_report
            """).map { $0[0] }
        #expect(stamps.count == 6)
        #expect(stamps.allSatisfy { $0.hasPrefix(String(CLI.now.dropLast())) }, "\(stamps)")
    }
}
