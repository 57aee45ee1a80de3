import Testing
@testable import Platform

/// The ingest's per-row helpers work on bytes for speed; each must answer exactly as the plain String code
/// it replaced, kept here verbatim as the reference.
@Suite("Row fast paths")
struct RowFastPathTests {
    /// `TimeOfDay(parsing:)` as first written, with `split` and `Int(_:)`.
    static func splitParse(_ text: String) -> TimeOfDay? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// Every text of up to four characters from an alphabet of digits, separators, signs and odd characters,
    /// and of five from digits, separators and signs.
    @Test func timeParsingAcceptsWhatSplittingDid() {
        func combinations(upTo length: Int, of alphabet: [String]) -> [String] {
            var all = [""], previous = [""]
            for _ in 0..<length {
                previous = previous.flatMap { prefix in alphabet.map { prefix + $0 } }
                all += previous
            }
            return all
        }
        var texts = combinations(upTo: 4, of: ["0", "1", "2", "5", "9", ":", ".", "+", "-", " ", "ö", "\u{301}"])
        texts += combinations(upTo: 5, of: ["0", "2", "5", "9", ":", ".", "+", "-"]).filter { $0.count == 5 }
        texts += ["18:00", "7.05", "24:00", "23:60", "\r\n:00", "07:0\u{301}", "1٣:00", "+7:+5", "-0:-0", "007:00"]
        var accepted = 0
        for text in texts {
            let parsed = TimeOfDay(parsing: text)
            #expect(parsed == Self.splitParse(text), "\(text.unicodeScalars.map { "U+\(String($0.value, radix: 16))" })")
            if parsed != nil { accepted += 1 }
        }
        #expect(accepted > 500)  // the comparison covers many valid times, not only refusals
    }

    /// `CalendarDate.description` and `TimeOfDay.description` as first written.
    static func paddedDescription(_ date: CalendarDate) -> String {
        func pad(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    static func concatenatedDescription(_ time: TimeOfDay) -> String {
        (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
    }

    @Test func datesAndTimesAreWrittenAsBefore() {
        var rng = SplitMix64(seed: 1)
        for dayNumber in [0, -1, -719_468, -719_469, -800_000, 2_932_896, 2_932_897, 10_000_000] + (0..<5_000).map({ _ in
            Int(rng.next() % 20_000_000) - 10_000_000
        }) {
            let date = CalendarDate(dayNumber: dayNumber)
            #expect(date.description == Self.paddedDescription(date))
        }
        #expect(CalendarDate(year: 2026, month: 11, day: 24)!.description == "2026-11-24")
        for hour in [-100, -10, -1, 0, 7, 9, 10, 23, 100, Int.max, Int.min] {
            for minute in [-5, 0, 5, 10, 59, 1234, Int.min] {
                let time = TimeOfDay(hour: hour, minute: minute)
                #expect(time.description == Self.concatenatedDescription(time))
            }
        }
    }

    @Test func columnIndexIsThePositionInAllCases() {
        for (position, column) in ReportColumn.allCases.enumerated() {
            #expect(column.index == position)
        }
    }

    @Test func longIDsAreCountedInCharacters() {
        let validator = ReportValidator(config: ReportIngestTests.config, today: ReportIngestTests.today)
        func problems(id: String) -> [String] {
            var raw = RawReport(line: 2)
            raw[.date] = "2026-11-02"
            raw[.reporter] = "polisen"
            raw[.area] = "centrum"
            raw[.indicator] = "klotter"
            raw[.id] = id
            guard case .failure(let problems) = validator.check(raw) else { return [] }
            return problems.messages
        }
        #expect(problems(id: String(repeating: "å", count: 100)).isEmpty)  // 200 bytes, 100 characters
        #expect(problems(id: String(repeating: "x", count: 101)) == ["id is longer than 100 characters"])
        #expect(problems(id: String(repeating: "å", count: 101)) == ["id is longer than 100 characters"])
    }
}

extension RowFastPathTests {
    /// Coordinates are read with a shortcut for plain decimals; every text must read as `Double(_:)` reads it.
    @Test func coordinatesReadAsDoubleReadsThem() {
        var texts = ["0", "-0", "-0.0", "58.27431", "-58.27431", "11.43697", "90", "-180.000", "0.1", "0.3", "1.0000000000000002",
                     "123456789012345", "1234567890123456", "0.000000000000001", "9.99999999999999", "58.", ".5", "-.5", "+5",
                     "1e3", "1E-3", "inf", "nan", "-", "", "5-", "5.5.5", "--5", "0x1p3", "٣", "58,27", " 58.1", "58.1 "]
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<20_000 {
            let whole = String(rng.next() % 1_000)
            let fraction = String(rng.next() % 100_000_000_000_000)
            texts.append((rng.next() % 2 == 0 ? "-" : "") + whole + "." + String(fraction.prefix(Int(rng.next() % 14) + 1)))
        }
        for text in texts {
            let expected = Double(text)
            let got = ReportValidator.number(text)
            #expect(got?.bitPattern == expected?.bitPattern || (got?.isNaN == true && expected?.isNaN == true), "\(text)")
        }
    }
}
