import Foundation
import Testing
@testable import Platform
@testable import Plugins

@Suite("Schedule")
struct ScheduleTests {
    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    private func cadence(_ yaml: String) throws -> Cadence {
        let document = try #require(YAMLLoader().read(yaml, file: "c.yaml").document)
        let context = DecodingContext(file: "c.yaml", document: document)
        let cadence = context.root.decode(Cadence.self)
        #expect(context.diagnostics == [])
        return try #require(cadence)
    }
    private func dates(_ yaml: String, _ from: String, _ to: String) throws -> [String] {
        try cadence(yaml).occurrences(in: date(from)...date(to)).map(\.date.description)
    }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private func kommun(_ id: String) throws -> KommunConfig {
        try #require(KommunConfigLoader().load(path: Self.root.appendingPathComponent("municipalities/\(id).yaml").path).config)
    }

    @Test func swedishHolidays() {
        #expect([2024, 2025, 2026, 2027].map { SwedishHolidays.easterSunday($0).description } == ["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28"])
        let holidays = SwedishHolidays.holidays(in: 2026)
        #expect(holidays[date("2026-06-19")] == "midsommarafton")
        #expect(holidays[date("2026-10-31")] == "alla helgons dag")
        #expect(holidays[date("2026-05-14")] == "Kristi himmelsfärdsdag")
        #expect(holidays.count == 16)
        #expect(!SwedishHolidays.isWorkingDay(date("2026-12-24")))
        #expect(SwedishHolidays.isWorkingDay(date("2026-12-23")))
        #expect(SwedishHolidays.name(of: date("2026-04-06")) == "annandag påsk")
        #expect(SwedishHolidays.name(of: date("2026-04-07")) == nil)
    }

    /// Two holidays on one day share it (this used to trap on a duplicate dictionary key): Kristi
    /// himmelsfärdsdag on första maj in 2008, pingstdagen on the national day in 2049.
    @Test func holidaysThatFallOnTheSameDayShareIt() {
        #expect(SwedishHolidays.easterSunday(2008).description == "2008-03-23")
        #expect(SwedishHolidays.holidays(in: 2008)[date("2008-05-01")] == "första maj och Kristi himmelsfärdsdag")
        #expect(SwedishHolidays.holidays(in: 2008).count == 15)
        #expect(SwedishHolidays.easterSunday(2049).description == "2049-04-18")
        #expect(SwedishHolidays.name(of: date("2049-06-06")) == "pingstdagen och Sveriges nationaldag")
    }

    @Test func weeklyAcrossTheYearEndAndHolidays() throws {
        // Mondays; 2026-12-28 is a working day, 2027-01-04 too; annandag påsk 2027-03-29 moves to Tuesday.
        #expect(try dates("{frequency: weekly, weekday: monday, time: '09:00'}", "2026-12-21", "2027-01-11")
            == ["2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11"])
        let moved = try cadence("{frequency: weekly, weekday: monday}").occurrences(in: date("2027-03-22")...date("2027-04-05"))
        #expect(moved.map(\.date.description) == ["2027-03-22", "2027-03-30", "2027-04-05"])
        #expect(moved[1].note == "flyttat från 2027-03-29 (annandag påsk)")
        #expect(try dates("{frequency: weekly, weekday: monday, holidays: skip}", "2027-03-22", "2027-04-05") == ["2027-03-22", "2027-04-05"])
        #expect(try dates("{frequency: weekly, weekday: monday, holidays: move-earlier}", "2027-03-22", "2027-04-05")
            == ["2027-03-22", "2027-03-25", "2027-04-05"])  // långfredagen 03-26 is a holiday too
    }

    @Test func rulesWithoutAStartRunBeforeTheAnchorToo() throws {
        #expect(try dates("{frequency: monthly, interval: 2}", "2019-01-01", "2019-06-30") == ["2019-01-02", "2019-03-01", "2019-05-02"])
        #expect(try dates("{frequency: weekly, interval: 2, weekday: friday}", "2019-01-01", "2019-01-31") == ["2019-01-11", "2019-01-25"])
        #expect(try dates("{rrule: 'FREQ=MONTHLY;BYDAY=1TU'}", "2019-01-01", "2019-02-28") == ["2019-01-02", "2019-02-05"])  // 2019-01-01 is nyårsdagen
        // An explicit start is the first possible date.
        #expect(try dates("{frequency: monthly, start: 2026-06-01}", "2026-01-01", "2026-08-31") == ["2026-06-01", "2026-07-01", "2026-08-03"])
    }

    @Test func everyOtherWeekFollowsItsStart() throws {
        #expect(try dates("{frequency: weekly, interval: 2, weekday: wednesday, start: 2026-11-04}", "2026-11-01", "2026-12-10")
            == ["2026-11-04", "2026-11-18", "2026-12-02"])
    }

    /// Once per tertial (January, May, September), per half-year (January, July), every other week, each
    /// across a year end.
    @Test func tertialHalfYearlyAndTwoWeekly() throws {
        #expect(try dates("{frequency: tertial, weekday: tuesday}", "2026-01-01", "2027-06-30")
            == ["2026-01-07", "2026-05-05", "2026-09-01", "2027-01-05", "2027-05-04"])  // 2026-01-06 is trettondedag jul: the day after
        #expect(try dates("{frequency: tertial, interval: 2, start: 2026-05-01}", "2026-01-01", "2027-12-31")
            == ["2026-05-04", "2027-01-04", "2027-09-01"])
        #expect(try dates("{frequency: half-yearly, weekday: monday, week: last}", "2026-01-01", "2027-12-31")
            == ["2026-01-26", "2026-07-27", "2027-01-25", "2027-07-26"])
        #expect(try dates("{frequency: two-weekly, weekday: wednesday, start: 2026-11-04}", "2026-12-01", "2027-01-20")
            == ["2026-12-02", "2026-12-16", "2026-12-30", "2027-01-13"])
        #expect(try dates("{frequency: two-weekly, weekday: wednesday, start: 2026-11-04}", "2026-12-01", "2027-01-20")
            == dates("{frequency: weekly, interval: 2, weekday: wednesday, start: 2026-11-04}", "2026-12-01", "2027-01-20"))
        #expect(try cadence("{frequency: tertial}").summary(.sv) == "varje tertial")
        #expect(try cadence("{frequency: two-weekly}").summary(.sv) == "varannan vecka")
        #expect(try cadence("{frequency: half-yearly, interval: 2}").summary(.sv) == "vartannat halvår")
        #expect(try cadence("{frequency: half-yearly}").summary(.en) == "every half-year")
    }

    @Test func monthlyQuarterlyAndSpreadOverTheYear() throws {
        #expect(try dates("{frequency: monthly, weekday: tuesday}", "2026-11-01", "2027-01-31") == ["2026-11-03", "2026-12-01", "2027-01-05"])
        // December's last Friday is juldagen, moved to the next working day.
        #expect(try dates("{frequency: monthly, weekday: friday, week: last}", "2026-11-01", "2026-12-31") == ["2026-11-27", "2026-12-28"])
        #expect(try dates("{frequency: monthly, interval: 2}", "2026-01-01", "2026-06-30") == ["2026-01-02", "2026-03-02", "2026-05-04"])
        // The first Thursday of 2026 is nyårsdagen.
        #expect(try dates("{frequency: quarterly, weekday: thursday}", "2026-01-01", "2026-12-31") == ["2026-01-02", "2026-04-02", "2026-07-02", "2026-10-01"])
        #expect(try dates("{timesPerYear: 2, duration: half-day}", "2027-01-01", "2027-12-31") == ["2027-04-01", "2027-10-01"])
        #expect(try dates("{timesPerYear: 4}", "2027-01-01", "2027-12-31") == ["2027-02-01", "2027-05-03", "2027-08-02", "2027-11-01"])
        #expect(try dates("{timesPerYear: 2, months: [3, 9], weekday: wednesday}", "2027-01-01", "2027-12-31") == ["2027-03-03", "2027-09-01"])
        #expect(Cadence.spread(1) == [8])
    }

    @Test func rrules() throws {
        #expect(try dates("{rrule: 'FREQ=MONTHLY;BYDAY=1TU'}", "2027-01-01", "2027-03-31") == ["2027-01-05", "2027-02-02", "2027-03-02"])
        #expect(try dates("{rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', start: 2026-11-30}", "2026-11-30", "2026-12-13")
            == ["2026-11-30", "2026-12-03", "2026-12-07", "2026-12-10"])
        #expect(try dates("{rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'}", "2026-10-01", "2026-11-30") == ["2026-10-30", "2026-11-30"])
        #expect(try dates("{rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=3', start: 2026-01-01, holidays: skip}", "2026-01-01", "2026-12-31")
            == ["2026-01-11", "2026-01-21"])
        #expect(try dates("{rrule: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1;UNTIL=20271231'}", "2026-01-01", "2029-12-31") == ["2026-06-30", "2027-06-30"])
        #expect(throws: RecurrenceRule.ParseError.self) { try RecurrenceRule(parsing: "FREQ=HOURLY") }
        #expect(throws: RecurrenceRule.ParseError.self) { try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=9") }
    }

    /// A rule without COUNT starts at the range rather than at its DTSTART: the dates must be those the walk
    /// from DTSTART gives.
    @Test func rrulesSkipToTheRangeAsIfWalkedFromTheirStart() throws {
        let start = CalendarDate(iso: "2000-01-03")!
        let rules = ["FREQ=MONTHLY;BYDAY=1TU", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "FREQ=DAILY;INTERVAL=9",
                     "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=-1", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
                     "FREQ=WEEKLY;INTERVAL=2;BYMONTH=1,7", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"]
        for text in rules {
            let rule = try RecurrenceRule(parsing: text)
            for (from, to) in [("2026-11-09", "2026-11-15"), ("2024-02-26", "2024-03-04"), ("2027-12-27", "2029-01-07")] {
                let range = CalendarDate(iso: from)!...CalendarDate(iso: to)!
                let walked = rule.dates(start: start, in: start...range.upperBound).filter { range.contains($0) }
                #expect(rule.dates(start: start, in: range) == walked, "\(text) in \(from)...\(to)")
            }
        }
    }

    @Test func summerAndWinterTimeShowInTheOffsets() {
        let list = MeetingListText(title: "", meetings: [], timeZone: TimeZone(identifier: "Europe/Stockholm")!, language: .sv)
        let nine = TimeOfDay(hour: 9, minute: 0)
        #expect(list.offset(on: date("2027-03-26"), at: nine) == "+01:00")
        #expect(list.offset(on: date("2027-03-29"), at: nine) == "+02:00")
        #expect(list.offset(on: date("2027-10-29"), at: nine) == "+02:00")
        #expect(list.offset(on: date("2027-11-01"), at: nine) == "+01:00")
    }

    @Test func socialOroRaisesTheFrequencyWhileDeclared() throws {
        let lysekil = try kommun("lysekil")
        func operativt(_ escalations: [DeclaredEscalation]) -> [String] {
            MeetingPlanner(config: lysekil, escalations: escalations).meetings(from: date("2026-11-23"), to: date("2026-12-27"))
                .filter { $0.source == "operativt-trygghetsteam" }.map(\.date.description)
        }
        let normal = operativt([])
        #expect(normal == ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"])
        let raised = operativt([DeclaredEscalation(escalation: "social-oro", from: date("2026-12-01"), until: date("2026-12-13"))])
        #expect(raised == ["2026-11-23", "2026-11-30", "2026-12-03", "2026-12-07", "2026-12-10", "2026-12-14", "2026-12-21"])
        let escalated = MeetingPlanner(config: lysekil, escalations: [DeclaredEscalation(escalation: "social-oro", from: date("2026-12-01"), until: nil)])
            .meetings(from: date("2026-12-03"), to: date("2026-12-03"))
        #expect(escalated.first?.escalated == true)
        #expect(escalated.first?.notes.contains("tätare möten under Social oro") == true)
    }

    /// The Monday meetings of Lysekil's operativt trygghetsteam, raised to Monday and Thursday under social oro.
    private func operativt(_ config: KommunConfig, _ escalations: [DeclaredEscalation], _ from: String, _ to: String) -> [Meeting] {
        MeetingPlanner(config: config, escalations: escalations).meetings(from: date(from), to: date(to))
            .filter { $0.source == "operativt-trygghetsteam" }
    }
    private func socialOro(_ from: String, until: String? = nil) -> DeclaredEscalation {
        DeclaredEscalation(escalation: "social-oro", from: date(from), until: until.map(date))
    }

    /// Issue 11: an escalation declared after the range, or ended before it, trapped on `max(...)...min(...)`.
    @Test func anEscalationOutsideTheRangeLeavesTheCadenceAsItIs() throws {
        let lysekil = try kommun("lysekil")
        let january = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"]
        for declared in [socialOro("2027-03-01"), socialOro("2026-12-01", until: "2026-12-06")] {
            let meetings = operativt(lysekil, [declared], "2027-01-01", "2027-01-31")
            #expect(meetings.map(\.date.description) == january)
            #expect(meetings.allSatisfy { !$0.escalated && $0.notes.isEmpty })
        }
    }

    @Test func anEscalationOverlappingTheRangeRaisesOnlyItsDays() throws {
        let lysekil = try kommun("lysekil")
        // Starts inside the range and lasts beyond it.
        #expect(operativt(lysekil, [socialOro("2026-12-01")], "2026-11-23", "2026-12-10").map(\.date.description)
            == ["2026-11-23", "2026-11-30", "2026-12-03", "2026-12-07", "2026-12-10"])
        // Started before the range and ends inside it.
        let ending = operativt(lysekil, [socialOro("2026-11-01", until: "2026-12-06")], "2026-11-23", "2026-12-20")
        #expect(ending.map(\.date.description) == ["2026-11-23", "2026-11-26", "2026-11-30", "2026-12-03", "2026-12-07", "2026-12-14"])
        #expect(ending.map(\.escalated) == [true, true, true, true, false, false])
    }

    /// Issue 11: two escalations raising the same body listed its meetings twice, and every raised meeting
    /// named every escalation in force.
    @Test func twoEscalationsRaisingOneBodyGiveEachMeetingOnceNamingOnlyTheEscalationsThatRaiseIt() throws {
        var lysekil = try kommun("lysekil")
        func raising(_ id: String, _ name: String, _ target: String, _ rrule: String, time: String) throws -> Escalation {
            let cadence = try cadence("rrule: \(rrule)\ntime: \"\(time)\"")
            return Escalation(id: id, name: name, changes: [.init(target: target, cadence: cadence)])
        }
        lysekil.escalations += [try raising("skolstart", "Skolstart", "operativt-trygghetsteam", "FREQ=WEEKLY;BYDAY=MO,WE", time: "13:00"),
                                try raising("storm", "Storm", "styrgrupp", "FREQ=WEEKLY;BYDAY=FR", time: "08:00")]
        let declared = [socialOro("2026-12-01"), DeclaredEscalation(escalation: "skolstart", from: date("2026-12-01"), until: nil),
                        DeclaredEscalation(escalation: "storm", from: date("2026-11-01"), until: nil)]
        let meetings = operativt(lysekil, declared, "2026-11-30", "2026-12-13")
        #expect(meetings.map(\.date.description) == ["2026-11-30", "2026-12-02", "2026-12-03", "2026-12-07", "2026-12-09", "2026-12-10"])
        #expect(Set(meetings.map(\.uid)).count == meetings.count)
        let notes = Dictionary(uniqueKeysWithValues: meetings.map { ($0.date.description, $0.notes) })
        #expect(notes["2026-11-30"] == [])
        #expect(notes["2026-12-02"] == ["tätare möten under Skolstart"])
        #expect(notes["2026-12-03"] == ["tätare möten under Social oro"])
        #expect(notes["2026-12-07"] == ["tätare möten under Social oro, Skolstart"])
        // Each date at the time of the raised cadence that gives it.
        let times = Dictionary(uniqueKeysWithValues: meetings.map { ($0.date.description, $0.start?.description ?? "") })
        #expect(times["2026-12-02"] == "13:00")
        #expect(times["2026-12-03"] == "09:00")
    }

    @Test func rotationVisitsEveryOrtInEachMandatePeriod() throws {
        let tranemo = try kommun("tranemo")
        let mandate = try #require(MandatePeriod(startingIn: 2026))
        #expect(mandate.description == "2026-10-15–2030-10-14")
        #expect(MandatePeriod(containing: date("2026-10-14")).electionYear == 2022)
        let walks = MeetingPlanner(config: tranemo).meetings(from: mandate.start, to: mandate.end).filter { $0.kind == "safety-walk" }
        let orter = tranemo.allAreas.filter { $0.kind == .ort }.map(\.name)
        #expect(walks.count == 16)
        #expect(Set(walks.compactMap(\.location)) == Set(orter))
        #expect(walks.first?.location == orter.first)
    }

    @Test func aWalkIsFollowedByAMeetingWithinAMonthAndFeedbackAfterSixMonths() throws {
        let tranemo = try kommun("tranemo")
        let meetings = MeetingPlanner(config: tranemo).meetings(from: date("2027-01-01"), to: date("2027-12-31"))
        let walks = meetings.filter { $0.kind == "safety-walk" }
        #expect(walks.count == 4)
        for walk in walks {
            let meeting = try #require(meetings.first { $0.kind == "safety-meeting" && $0.followUpOf == walk.uid })
            #expect(meeting.location == walk.location)
            #expect(meeting.date > walk.date && meeting.date <= walk.date.adding(months: 1))
            #expect(meeting.start == TimeOfDay(hour: 18, minute: 0))
            #expect(meeting.agenda.first == "18:00 Välkomna")
        }
        let feedback = meetings.filter { $0.kind == "follow-up" }
        #expect(feedback.count == 4)
        #expect(feedback.allSatisfy { $0.notes.first?.hasPrefix("uppföljning av trygghetsvandring") == true })
        #expect(meetings.filter { $0.source == "bra-unga" }.count == 2)
        #expect(meetings.filter { $0.source == "bra-trafik" }.count == 2)
    }

    @Test func deadlinesFollowTheReadingBodysMeeting() throws {
        let lysekil = try kommun("lysekil")
        let deadline = ReportingDeadline(period: Period("2026-W47")!, config: lysekil)
        #expect(deadline.localText == "2026-11-23T09:00")
        #expect(deadline.meeting?.source == "operativt-trygghetsteam")
        // Christmas week: Monday 2026-12-28 is a working day; the meeting after W52 is then.
        #expect(ReportingDeadline(period: Period("2026-W52")!, config: lysekil).localText == "2026-12-28T09:00")
    }
}
