import Foundation
import Platform
import Testing

/// Interventions, priorities, escalations and assessed area statuses: the same calls on SQLite and on
/// PostgreSQL give the same results, in the same order, with the same refusals.
@Suite("Intervention, priority, escalation and area status parity")
struct DomainParityTests {
    static let now = Timestamp.date("2026-11-24T12:00:00Z")!

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func proposal(_ title: String, on day: String, source: String? = nil, period: String? = nil) -> InterventionProposal {
        InterventionProposal(title: title, proposedBy: "bra", proposedOn: Self.day(day), lagesbildPeriod: period,
                             areas: ["centrum", "hamnen"], indicators: ["nedskrapning"], source: source)
    }

    static func decision(on day: String, by body: String = "ks", end: String? = "2027-06-30") -> InterventionDecision {
        InterventionDecision(decidedBy: body, decidedOn: Self.day(day), owner: "Gatuenheten", start: Self.day(day),
                             plannedEnd: end.map(Self.day))
    }

    @Test func interventionsFromProposalToTheirEnd() throws {
        let lines = try expectParity { store, t in
            let now = Self.now
            t.note("propose") { try store.store([InterventionImportRow(line: nil, proposal: Self.proposal("Belysning", on: "2026-03-02", period: "2026-T1"), decision: nil)],
                                                kommun: "lysekil", skippingKnownSources: false, now: now) }
            t.note("propose 2025") { try store.store([InterventionImportRow(line: nil, proposal: Self.proposal("Äldre", on: "2025-12-30"), decision: nil)],
                                                     kommun: "lysekil", skippingKnownSources: false, now: now) }
            let list = [
                InterventionImportRow(line: 2, proposal: Self.proposal("Städning", on: "2026-04-01", source: "lista:2"), decision: nil),
                InterventionImportRow(line: 3, proposal: Self.proposal("Vakter", on: "2026-04-02", source: "lista:3"),
                                      decision: Self.decision(on: "2026-04-10")),
            ]
            t.note("import") { try store.store(list, kommun: "lysekil", skippingKnownSources: true, now: now) }
            t.note("import again") { try store.store(list, kommun: "lysekil", skippingKnownSources: true, now: now) }
            t.note("import with a refused decision") {
                try store.store([InterventionImportRow(line: 4, proposal: Self.proposal("Tidig", on: "2026-05-01", source: "lista:4"),
                                                       decision: Self.decision(on: "2026-04-01"))],
                                kommun: "lysekil", skippingKnownSources: true, now: now)
            }
            t.note("nothing of it kept") { try store.interventions(kommun: "lysekil").map(\.id) }
            t.note("other kommun") { try store.store([InterventionImportRow(line: nil, proposal: Self.proposal("Tranemos", on: "2026-01-01"), decision: nil)],
                                                     kommun: "tranemo", skippingKnownSources: false, now: now) }

            t.note("decide before proposed") { try store.storeDecision(Self.decision(on: "2026-03-01"), for: "I-2026-001", kommun: "lysekil", now: now) }
            t.note("decide unknown") { try store.storeDecision(Self.decision(on: "2026-03-03"), for: "I-2026-099", kommun: "lysekil", now: now) }
            t.note("decide in the wrong kommun") { try store.storeDecision(Self.decision(on: "2026-03-03"), for: "I-2026-003", kommun: "tranemo", now: now) }
            t.note("follow up a proposal") { try store.storeFollowUp(of: "I-2026-001", body: "bra", on: Self.day("2026-03-03"), outcome: .continue,
                                                                     comment: nil, kommun: "lysekil", now: now) }
            t.note("decide") { try store.storeDecision(Self.decision(on: "2026-03-03", end: nil), for: "I-2026-001", kommun: "lysekil", now: now) }
            t.note("decide again") { try store.storeDecision(Self.decision(on: "2026-03-04"), for: "I-2026-001", kommun: "lysekil", now: now) }
            t.note("follow up before decided") { try store.storeFollowUp(of: "I-2026-001", body: "bra", on: Self.day("2026-03-02"), outcome: .continue,
                                                                         comment: nil, kommun: "lysekil", now: now) }
            t.note("follow up") { try store.storeFollowUp(of: "I-2026-001", body: "bra", on: Self.day("2026-06-01"), outcome: .expand,
                                                          comment: "fler gator", kommun: "lysekil", now: now) }
            t.note("follow up later") { try store.storeFollowUp(of: "I-2026-003", body: "ks", on: Self.day("2026-05-01"), outcome: .change,
                                                                comment: nil, kommun: "lysekil", now: now) }
            t.note("end") { try store.storeFollowUp(of: "I-2026-001", body: "ks", on: Self.day("2026-09-01"), outcome: .end,
                                                    comment: "klart", kommun: "lysekil", now: now) }
            t.note("follow up the ended") { try store.storeFollowUp(of: "I-2026-001", body: "ks", on: Self.day("2026-09-02"), outcome: .continue,
                                                                    comment: nil, kommun: "lysekil", now: now) }
            t.note("follow up unknown") { try store.storeFollowUp(of: "I-2030-001", body: "ks", on: Self.day("2026-09-02"), outcome: .continue,
                                                                  comment: nil, kommun: "lysekil", now: now) }

            t.note("all") { try store.interventions(kommun: "lysekil") }
            t.note("tranemo's") { try store.interventions(kommun: "tranemo") }
            t.note("history") { try store.intervention("I-2026-001", kommun: "lysekil") }
            t.note("imported history") { try store.intervention("I-2026-003", kommun: "lysekil") }
            t.note("no such") { try store.intervention("I-2026-001", kommun: "nowhere") }
            for day in ["2026-04-09", "2026-04-10", "2026-05-15", "2026-12-31"] {
                t.note("decided by \(day)") { try store.decidedInterventions(kommun: "lysekil", by: Self.day(day)).map { "\($0.intervention.id) \($0.latest)" } }
            }
        }
        #expect(lines.contains("propose: [\"I-2026-001\"]") && lines.contains("import: [\"I-2026-002\", \"I-2026-003\"]"))
        #expect(lines.contains("import again: []") && lines.contains("nothing of it kept: [\"I-2025-001\", \"I-2026-001\", \"I-2026-002\", \"I-2026-003\"]"))
        #expect(lines.contains { $0.hasPrefix("follow up the ended: InterventionError") })
        // I-2026-001 has ended since: only the one still decided counts, whatever the day.
        #expect(lines.contains("decided by 2026-05-15: [\"I-2026-003 2026-05-01\"]") && lines.contains("decided by 2026-04-09: []"))
    }

    @Test func aThousandthInterventionIsNumberedPastTheThreeDigits() throws {
        try expectParity { store, t in
            let rows = (1...1000).map { (number: Int) in
                InterventionImportRow(line: number, proposal: Self.proposal("Åtgärd \(number)", on: "2026-02-01"), decision: nil)
            }
            t.note("store") { try store.store(rows, kommun: "lysekil", skippingKnownSources: false, now: Self.now).suffix(2) }
            t.note("next") { try store.store(Array(rows.prefix(1)), kommun: "lysekil", skippingKnownSources: false, now: Self.now) }
            t.note("first and last") { try store.interventions(kommun: "lysekil").map(\.id).filter { $0.hasSuffix("001") || $0.hasSuffix("000") } }
        }
    }

    @Test func prioritiesByPeriodThenAsRecorded() throws {
        let lines = try expectParity { store, t in
            let decisions: [(String, [String], String)] = [
                ("2026-H2", ["hamnen"], "2026-06-20"), ("2026", ["centrum", "hamnen"], "2026-01-10"), ("2026-H2", ["centrum"], "2026-07-01"),
                ("2026-11", ["skolan"], "2026-10-30"), ("2026-Q4", ["torget"], "2026-09-30"), ("2025-H2", ["hamnen"], "2025-06-01"),
            ]
            for (period, areas, day) in decisions {
                t.note("decide \(period)") { try store.storePriorities(kommun: "lysekil", period: Period(period)!, areas: areas, decidedBy: "ks",
                                                                       on: Self.day(day), now: Self.now) }
            }
            t.note("other kommun") { try store.storePriorities(kommun: "tranemo", period: Period("2026")!, areas: ["a"], decidedBy: "ks",
                                                               on: Self.day("2026-01-01"), now: Self.now) }
            t.note("lysekil") { try store.priorityDecisions(kommun: "lysekil") }
            t.note("tranemo") { try store.priorityDecisions(kommun: "tranemo") }
            t.note("in force") { try store.priorities(kommun: "lysekil", period: Period("2026-H2")!) }
        }
        #expect(lines.contains { $0.hasPrefix("in force: Optional(") && $0.contains("[\"centrum\"]") })
    }

    @Test func escalationsAreDeclaredOnceAndEndedAfterTheyStart() throws {
        let lines = try expectParity { store, t in
            let now = Self.now
            t.note("declare") { try store.declare("social-oro", kommun: "lysekil", area: nil, from: Self.day("2026-05-01"), note: "efter händelsen", now: now) }
            t.note("declare again") { try store.declare("social-oro", kommun: "lysekil", area: nil, from: Self.day("2026-05-02"), note: nil, now: now) }
            t.note("declare in an area") { try store.declare("social-oro", kommun: "lysekil", area: "hamnen", from: Self.day("2026-04-01"), note: nil, now: now) }
            t.note("declare in the area again") { try store.declare("social-oro", kommun: "lysekil", area: "hamnen", from: Self.day("2026-04-02"), note: nil, now: now) }
            t.note("declare elsewhere") { try store.declare("social-oro", kommun: "tranemo", area: nil, from: Self.day("2026-05-01"), note: nil, now: now) }
            t.note("end before start") { try store.end("social-oro", kommun: "lysekil", area: nil, on: Self.day("2026-04-30"), now: now) }
            t.note("end undeclared area") { try store.end("social-oro", kommun: "lysekil", area: "centrum", on: Self.day("2026-06-01"), now: now) }
            t.note("end undeclared") { try store.end("krisberedskap", kommun: "lysekil", area: nil, on: Self.day("2026-06-01"), now: now) }
            t.note("end on its first day") { try store.end("social-oro", kommun: "lysekil", area: nil, on: Self.day("2026-05-01"), now: now) }
            t.note("end again") { try store.end("social-oro", kommun: "lysekil", area: nil, on: Self.day("2026-05-02"), now: now) }
            t.note("end the area's") { try store.end("social-oro", kommun: "lysekil", area: "hamnen", on: Self.day("2026-06-30"), now: now) }
            t.note("declare anew") { try store.declare("social-oro", kommun: "lysekil", area: nil, from: Self.day("2026-03-01"), note: nil, now: now) }
            t.note("lysekil") { try store.escalations(kommun: "lysekil") }
            t.note("tranemo") { try store.escalations(kommun: "tranemo") }
        }
        #expect(lines.contains { $0.hasPrefix("declare again: EscalationError") && $0.contains("2026-05-01") })
        #expect(lines.contains { $0.hasPrefix("end undeclared area: EscalationError") })
        #expect(lines.contains { $0.hasPrefix("end before start: EscalationError") })
        #expect(lines.contains("end on its first day: ()"))
    }

    @Test func areaStatusesThroughADay() throws {
        let lines = try expectParity { store, t in
            let statuses: [(String, Lagesbild.Status, String, String)] = [
                ("hamnen", .orange, "2026-05-03", "  fler anmälningar  "), ("centrum", .green, "2026-05-01", "lugnt"),
                ("hamnen", .red, "2026-05-01", "bränder"), ("hamnen", .yellow, "2026-05-03", "samma dag, senare"),
                ("torget", .green, "2026-06-01", "ny"),
            ]
            for (area, status, day, reason) in statuses {
                t.note("set \(area) \(day)") {
                    try store.storeAreaStatus(AreaStatusAssessment(area: area, status: status, body: "bra", date: Self.day(day), reason: reason),
                                              kommun: "lysekil", now: Self.now)
                }
            }
            t.note("other kommun") { try store.storeAreaStatus(AreaStatusAssessment(area: "hamnen", status: .red, body: "bra", date: Self.day("2026-01-01"),
                                                                                    reason: "x"), kommun: "tranemo", now: Self.now) }
            for day in ["2026-04-30", "2026-05-01", "2026-05-03", "2026-05-31"] {
                t.note("through \(day)") { try store.areaStatusAssessments(kommun: "lysekil", through: Self.day(day)) }
            }
            t.note("all") { try store.areaStatusAssessments(kommun: "lysekil", through: nil) }
            t.note("tranemo") { try store.areaStatusAssessments(kommun: "tranemo", through: nil).count }
        }
        #expect(lines.contains("through 2026-04-30: []") && lines.contains("tranemo: 1"))
        #expect(lines.contains { $0.hasPrefix("through 2026-05-03: ") && $0.contains("reason: \"fler anmälningar\"") })
    }
}
