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

    /// Each kind: the period holding a day near a year end, its neighbours across the year end, its id
    /// read back, and the same period last year.
    @Test(arguments: [
        // kind, a day, its period, the previous, the next, the same last year
        ("week", "2027-01-02", "2026-W53", "2026-W52", "2027-W01", "2025-W52"),
        ("two-weeks", "2026-12-30", "2026-W53-01", "2026-W51-52", "2027-W02-03", "2025-W51-52"),
        ("month", "2026-12-31", "2026-12", "2026-11", "2027-01", "2025-12"),
        ("tertial", "2026-12-31", "2026-T3", "2026-T2", "2027-T1", "2025-T3"),
        ("tertial", "2027-01-01", "2027-T1", "2026-T3", "2027-T2", "2026-T1"),
        ("quarter", "2026-12-31", "2026-Q4", "2026-Q3", "2027-Q1", "2025-Q4"),
        ("half-year", "2026-12-31", "2026-H2", "2026-H1", "2027-H1", "2025-H2"),
        ("half-year", "2026-06-30", "2026-H1", "2025-H2", "2026-H2", "2025-H1"),
        ("year", "2026-12-31", "2026", "2025", "2027", "2025"),
    ])
    func everyKindAcrossYearEnds(_ name: String, _ day: String, _ id: String, _ previous: String, _ next: String, _ lastYear: String) throws {
        // Two weeks in the rhythm of weeks 1–2 of 2024; 2026-W53 starts one of its pairs.
        let kind = try #require(Period.Kind(name: name))
        let period = Period(containing: date(day), kind: kind)
        #expect(period.description == id)
        #expect(period.contains(date(day)))
        #expect(period.previous.description == previous)
        #expect(period.next.description == next)
        #expect(period.next.start == period.end.adding(days: 1))
        #expect(period.previous.end == period.start.adding(days: -1))
        #expect(period.sameLastYear.description == lastYear)
        #expect(Period(id) == period || kind == .twoWeeks && Period(id)?.description == id)
        #expect(period.offset(by: -3).offset(by: 3) == period)
        #expect(period.kind.name == name)
    }

    @Test func tertialsAndHalfYearsCoverTheirMonths() {
        #expect(Period("2026-T1")!.start == date("2026-01-01") && Period("2026-T1")!.end == date("2026-04-30"))
        #expect(Period("2026-T2")!.start == date("2026-05-01") && Period("2026-T2")!.end == date("2026-08-31"))
        #expect(Period("2026-T3")!.start == date("2026-09-01") && Period("2026-T3")!.end == date("2026-12-31"))
        #expect(Period("2026-H1")!.end == date("2026-06-30") && Period("2026-H2")!.start == date("2026-07-01"))
        #expect(Period("2026-T3")!.contains(Period("2026-11")!) && !Period("2026-T3")!.contains(Period("2026-Q3")!))
        #expect(Period("2026-T3")!.offset(by: -8).description == "2024-T1")
    }

    /// Two weeks follow the rhythm of their start: a group meeting every other week from Monday 2026-01-05
    /// (week 2) has its periods from even weeks; the default rhythm starts in odd weeks.
    @Test func twoWeeksFollowTheirStart() {
        let even = Period.Kind.twoWeeks(startingOn: date("2026-01-07"))
        #expect(Period(containing: date("2026-11-18"), kind: even).description == "2026-W46-47")
        #expect(Period(containing: date("2026-11-18"), kind: .twoWeeks).description == "2026-W47-48")
        #expect(Period(containing: date("2026-11-18"), kind: even).start == date("2026-11-09"))
        #expect(Period(containing: date("2026-11-18"), kind: even).end == date("2026-11-22"))
        #expect(Period("2026-W46-47")!.kind == even)
        #expect(Period("2026-W47-48")!.kind == .twoWeeks)
        #expect(Period("2026-W47-49") == nil)
        // A start far from the period, on any weekday, gives the same rhythm.
        #expect(Period.Kind.twoWeeks(startingOn: date("2000-01-13")) == Period.Kind.twoWeeks(startingOn: date("2000-01-10")))
    }

    /// Parts read back from outside (a cache entry) make a kind only when the platform makes that kind: each
    /// named kind and two weeks from any Monday, but no other length, no month kind with a phase, and no
    /// week kind off a Monday or outside its span.
    @Test func knownKindsFromTheirParts() {
        var kinds = Period.Kind.named
        let monday = date("2026-01-05").dayNumber
        for day in 0..<14 {
            kinds.append(.twoWeeks(startingOn: CalendarDate(dayNumber: monday + day)))
        }
        for kind in kinds {
            #expect(Period.Kind.known(unit: kind.unit, length: kind.length, phase: kind.phase) == kind, "\(kind)")
        }
        let refused: [(Period.Kind.Unit, Int, Int)] = [
            (.week, 3, 4), (.week, 0, 4), (.week, 1, 5), (.week, 1, 11), (.week, 2, 12), (.week, 2, 18), (.week, 2, -3),
            (.month, 2, 0), (.month, 5, 0), (.month, 0, 0), (.month, 1, 4), (.month, 12, -1),
        ]
        for (unit, length, phase) in refused {
            #expect(Period.Kind.known(unit: unit, length: length, phase: phase) == nil, "\(unit) \(length) \(phase)")
        }
    }

    @Test func labels() {
        #expect(Period("2026-W47")!.label(.sv) == "vecka 47 2026")
        #expect(Period("2026-W47-48")!.label(.sv) == "vecka 47–48 2026")
        #expect(Period("2026-W47-48")!.label(.en) == "weeks 47–48 2026")
        #expect(Period("2026-11")!.label(.sv) == "november 2026")
        #expect(Period("2026-T3")!.label(.sv) == "tertial 3 2026")
        #expect(Period("2026-Q4")!.label(.en) == "quarter 4 2026")
        #expect(Period("2026-H1")!.label(.sv) == "halvår 1 2026")
        #expect(Period("2026")!.label(.sv) == "2026")
        #expect(Period("2026-T3")!.shortLabel(.sv) == "T3")
        #expect(Period("2026-05")!.shortLabel(.sv) == "maj")
    }

    @Test(arguments: ["2026-W00", "2026-W54", "2026-13", "2026-Q5", "26-W47", "2026-11-01", "", "last",
                      "2026-T4", "2026-T0", "2026-H3", "2026-+1", "+026", "2026-W47-47", "2025-W53-01", "2026-Q", "2026-1"])
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
