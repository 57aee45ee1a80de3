import Foundation
import Testing

/// `simulate --effect`: a planted change touches only its own cell, and no effect changes nothing.
@Suite("Simulate with a planted effect")
struct SimulateEffectTests {
    @Test func anEffectChangesOnlyItsCell() throws {
        let base = ["simulate", "lysekil", "--from", "2026-01-01", "--to", "2026-06-30", "--seed", "5", "--intensity", "10"]
        let plain = try CLI.run(base)
        let drop = try CLI.run(base + ["--effect", "lysekil-centrum:klotter:2026-04-01:0.4"])
        #expect(plain.status == 0 && drop.status == 0)
        let before = Set(plain.stdout.split(separator: "\n")), after = Set(drop.stdout.split(separator: "\n"))
        let changed = before.symmetricDifference(after)
        #expect(!changed.isEmpty)
        #expect(changed.allSatisfy { $0.contains(",lysekil-centrum,klotter,") && $0 >= "2026-04-01" })
        // Only dropped rows: a factor below 1 removes events, never adds.
        #expect(after.isSubset(of: before))
        let cell = { (rows: Set<Substring>) in rows.filter { $0.contains(",lysekil-centrum,klotter,") && $0 >= "2026-04-01" }.count }
        #expect(Double(cell(after)) < 0.6 * Double(cell(before)))
    }

    @Test func aBadEffectIsRefused() throws {
        let result = try CLI.run(["simulate", "lysekil", "--from", "2026-01-01", "--to", "2026-01-31", "--effect", "centrum:klotter:2026-01-10:0.5"])
        #expect(result.status != 0 && result.stderr.contains("no area 'centrum'"))
    }
}
