import Testing
@testable import Platform

@Suite("Periods")
struct PeriodTests {
    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test(arguments: [
        ("2026-11-24", "2026-W48"), ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"), ("2024-12-30", "2025-W01"),
        ("2026-12-31", "2026-W53"), ("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01"), ("2000-02-29", "2000-W09"),
    ])
    func isoWeeks(_ day: String, _ week: String) {
        #expect(Period(containing: date(day), kind: .week).description == week)
    }

    @Test func weekFiftyThreeExistsOnlyInLongYears() {
        #expect(Period.weeksIn(year: 2026) == 53)
        #expect(Period.weeksIn(year: 2025) == 52)
        #expect(Period.weeksIn(year: 2020) == 53)
        #expect(Period("2026-W53") != nil)
        #expect(Period("2025-W53") == nil)
        #expect(Period("2026-W53")!.start == date("2026-12-28"))
        #expect(Period("2026-W53")!.end == date("2027-01-03"))
    }

    @Test func stepsAcrossYearEnds() {
        #expect(Period("2026-W53")!.next.description == "2027-W01")
        #expect(Period("2027-W01")!.previous.description == "2026-W53")
        #expect(Period("2026-W01")!.previous.description == "2025-W52")
        #expect(Period("2026-W47")!.offset(by: -8).description == "2026-W39")
        #expect(Period("2026-01")!.previous.description == "2025-12")
        #expect(Period("2026-12")!.next.description == "2027-01")
        #expect(Period("2026-Q1")!.previous.description == "2025-Q4")
        #expect(Period("2026")!.previous.description == "2025")
    }

    @Test func sameLastYear() {
        #expect(Period("2026-W47")!.sameLastYear.description == "2025-W47")
        #expect(Period("2026-W53")!.sameLastYear.description == "2025-W52")
        #expect(Period("2026-11")!.sameLastYear.description == "2025-11")
        #expect(Period("2026-Q4")!.sameLastYear.description == "2025-Q4")
    }

    @Test func boundaries() {
        #expect(Period("2026-02")!.end == date("2026-02-28"))
        #expect(Period("2024-02")!.end == date("2024-02-29"))
        #expect(Period("2026-Q4")!.start == date("2026-10-01"))
        #expect(Period("2026-Q4")!.end == date("2026-12-31"))
        #expect(Period("2026-W47")!.contains(date("2026-11-22")))
        #expect(!Period("2026-W47")!.contains(date("2026-11-23")))
    }

    @Test(arguments: ["2026-W00", "2026-W54", "2026-13", "2026-Q5", "26-W47", "2026-11-01", "", "last"])
    func invalidPeriods(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            let day = CalendarDate(dayNumber: number)
            #expect(day.dayNumber == number)
            #expect(CalendarDate(iso: day.description) == day || day.year < 1000 || day.year > 9999)
        }
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(date("2026-01-31").adding(months: 1) == date("2026-02-28"))
    }
}
