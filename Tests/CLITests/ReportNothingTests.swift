import Foundation
import StoreTestSupport
import Testing

/// `report nothing`: a reporter's "inget att rapportera" counts as reported in `due` and is listed by `reports`.
@Suite("Inget att rapportera")
struct ReportNothingTests {
    @Test(arguments: StoreKind.tested) func nothingToReportCountsAsReportedOnce(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = fresh.location
        let record = ["report", "nothing", "lysekil", "lysekilsbostader", "--period", "2026-W47", "--store", store]
        for _ in 1...2 {
            let result = try CLI.run(record)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "Lysekils kommun, 2026-W47: Lysekilsbostäder AB – inget att rapportera\n")
        }
        #expect(try fresh.open().rowCount(of: "nothing_to_report") == 1)
        let due = try CLI.run(["due", "lysekil", "--period", "2026-W47", "--store", store])
        // Reported (late: the team met on Monday 09:00), with no rows, at the first recording's time.
        #expect(due.stdout.contains("Lysekilsbostäder AB            0      sent    \(CLI.now)\n"), "\(due.stdout)")
        #expect(due.stdout.contains("Polismyndigheten               0      saknas  –\n"), "\(due.stdout)")
        let reports = try CLI.run(["reports", "lysekil", "--period", "2026-W47", "--store", store])
        #expect(reports.stdout.hasSuffix("""
            Inget att rapportera: Lysekilsbostäder AB
            Inga rapporter från: Polismyndigheten, Kommunstyrelseförvaltningen, Utbildningsförvaltningen, Socialförvaltningen, \
            Samhällsbyggnadsförvaltningen, Arbetslivsförvaltningen, LEVA i Lysekil AB

            """), "\(reports.stdout)")
        let unknown = try CLI.run(["report", "nothing", "lysekil", "lysekilsbostäder", "--period", "2026-W47", "--store", store])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown reporter 'lysekilsbostäder' (did you mean 'lysekilsbostader'?)"), "\(unknown.stderr)")
    }
}
