import Foundation
import Platform
import StoreTestSupport
import Testing

/// Every command that writes to the store stamps its rows with the command line's clock (`PLATFORM_NOW`
/// in the tests), like ingest does, so a run can be reproduced exactly.
@Suite("Command clock")
struct CommandClockTests {
    @Test(arguments: StoreKind.tested) func writeCommandsStampTheCommandLinesClock(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
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
        let stored = try fresh.open()
        let stamps = try [("declared_at", "escalations"), ("ended_at", "escalations"), ("recorded_at", "area_statuses"),
                          ("recorded_at", "priorities"), ("recorded_at", "intervention_events"), ("recorded_at", "nothing_to_report")]
            .flatMap { column, table in try stored.values(of: column, in: table) }
            .map { value in if case .text(let text) = value { text } else { "" } }
        #expect(stamps.count == 6)
        #expect(stamps.allSatisfy { $0.hasPrefix(String(CLI.now.dropLast())) }, "\(stamps)")
    }
}
