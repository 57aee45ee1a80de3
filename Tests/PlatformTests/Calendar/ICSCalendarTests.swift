import Foundation
import Platform
import Testing
@testable import Plugins

@Suite("iCalendar writer")
struct ICSCalendarTests {
    /// The golden calendar, in the source tree (Fixtures is also copied into the test bundle, but
    /// recording must write the source).
    static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/calendar-golden.ics")

    /// 2027-03-01 06:00:00 UTC.
    static let stamp = Date(timeIntervalSince1970: Double(CalendarDate(iso: "2027-03-01")!.dayNumber * 86_400 + 6 * 3600))

    private static func meeting(_ uid: String, _ date: String, _ start: String?, minutes: Int?, kind: String = "body",
                                title: String = "Operativt trygghetsteam", location: String? = nil,
                                attendees: [String] = [], agenda: [String] = [], notes: [String] = [],
                                followUpOf: String? = nil) -> Meeting {
        Meeting(uid: uid, kommun: "lysekil", source: "test", kind: kind, title: title, date: CalendarDate(iso: date)!,
                start: start.map { TimeOfDay(parsing: $0)! }, durationMinutes: minutes, location: location,
                attendees: attendees, agenda: agenda, notes: notes, followUpOf: followUpOf)
    }

    private static func render(_ meetings: [Meeting]) throws -> String {
        try ICSCalendar(name: "Test", meetings: meetings, stamp: stamp).render()
    }

    /// The content lines of `text`: unfolded, without CRLF.
    private static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// The physical lines of `text` as bytes, split at CRLF; nil when the text does not end with CRLF.
    private static func physicalLines(_ text: String) -> [[UInt8]]? {
        let bytes = Array(text.utf8)
        guard bytes.suffix(2) == [13, 10] else { return nil }
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines.dropLast()
    }

    /// Every physical line at most 75 octets, whole UTF-8 by itself, with no bare CR or LF.
    private static func expectWellFolded(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let lines = physicalLines(text) else {
            Issue.record("does not end with CRLF", sourceLocation: sourceLocation)
            return
        }
        for line in lines {
            #expect(line.count <= 75, "\(line.count) octets: \(String(decoding: line, as: UTF8.self))",
                    sourceLocation: sourceLocation)
            #expect(String(validating: line, as: UTF8.self) != nil, "a UTF-8 character split", sourceLocation: sourceLocation)
            #expect(!line.contains(13) && !line.contains(10), "bare CR or LF", sourceLocation: sourceLocation)
        }
    }

    // MARK: Folding and escaping

    @Test func foldsALongSwedishLineAtSeventyFiveOctetsWithoutSplittingCharacters() {
        let text = String(repeating: "Trygghetsvandring på Södra hamnen, Östra Bäckevik och Grötö; åtgärder för ökad trygghet. ", count: 6)
            + "Cykel 🚲 och ÅÄÖ åäö."
        let line = ICSLine.text("DESCRIPTION", text)
        let folded = line.folded
        Self.expectWellFolded(folded)
        let lines = Self.physicalLines(folded) ?? []
        #expect(lines.count > 8)
        #expect(lines.dropFirst().allSatisfy { $0.first == 32 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "") == line.content)
        #expect(line.content == "DESCRIPTION:" + ICSLine.escape(text))
    }

    @Test func foldsBeforeATwoOctetCharacterThatWouldPassSeventyFive() {
        // 12 + 62 = 74 octets, then "ä" (2 octets) would make 76: the first line stops at 74.
        let line = ICSLine("DESCRIPTION", String(repeating: "a", count: 62) + "äb")
        let lines = Self.physicalLines(line.folded) ?? []
        #expect(lines.map(\.count) == [74, 4])
        #expect(lines.last == Array(" äb".utf8))
    }

    @Test func leavesAShortLineAlone() {
        #expect(ICSLine("VERSION", "2.0").folded == "VERSION:2.0\r\n")
        #expect(ICSLine("X", String(repeating: "å", count: 36)).folded.utf8.count == 2 + 72 + 2)
    }

    @Test func escapesText() {
        #expect(ICSLine.escape(#"C:\mapp; a, b"#) == #"C:\\mapp\; a\, b"#)
        #expect(ICSLine.escape("rad 1\nrad 2\r\nrad 3\rrad 4") == #"rad 1\nrad 2\nrad 3\nrad 4"#)
        #expect(ICSLine.escape("tab\there\u{07}\u{7F}") == "tab\there")
        #expect(ICSLine.escape("Östra Bäckevik – 18:00") == "Östra Bäckevik – 18:00")
    }

    @Test func escapesEveryFreeTextProperty() throws {
        let text = try Self.render([Self.meeting("m;1", "2027-05-04", "18:00", minutes: 60, kind: "safety,walk",
                                                 title: #"Möte\ett"#, location: "Torget, Brastad",
                                                 attendees: ["Polis", "Skola; fritid"], agenda: ["18:00 Start"],
                                                 notes: ["Notering, med komma"], followUpOf: "m,0")])
        let lines = Self.unfolded(text)
        #expect(lines.contains(#"UID:m\;1@trygghetsplattformen"#))
        #expect(lines.contains(#"SUMMARY:Möte\\ett – Torget\, Brastad"#))
        #expect(lines.contains(#"LOCATION:Torget\, Brastad"#))
        #expect(lines.contains(#"DESCRIPTION:Deltagare: Polis\, Skola\; fritid\n18:00 Start\nNotering\, med komma"#))
        #expect(lines.contains(#"CATEGORIES:safety\,walk"#))
        #expect(lines.contains(#"RELATED-TO:m\,0@trygghetsplattformen"#))
    }

    // MARK: Events

    @Test func writesAMeetingWithoutStartAsAnAllDayEvent() throws {
        let lines = Self.unfolded(try Self.render([Self.meeting("inv", "2027-12-31", nil, minutes: 120, kind: "inventory")]))
        #expect(lines.contains("DTSTART;VALUE=DATE:20271231"))
        #expect(lines.contains("DTEND;VALUE=DATE:20280101"))
        #expect(!lines.contains { $0.contains("TZID=") && $0.hasPrefix("DT") })
        #expect(lines.contains("SUMMARY:Operativt trygghetsteam"))
        #expect(!lines.contains { $0.hasPrefix("LOCATION") || $0.hasPrefix("DESCRIPTION") || $0.hasPrefix("RELATED-TO") })
    }

    @Test func endsAfterMidnightOnTheNextDay() throws {
        let lines = Self.unfolded(try Self.render([
            Self.meeting("walk", "2027-04-30", "22:30", minutes: 120),
            Self.meeting("late", "2027-12-31", "23:30", minutes: nil),
        ]))
        #expect(lines.contains("DTSTART;TZID=Europe/Stockholm:20270430T223000"))
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20270501T003000"))
        // No length: an hour, into the next year.
        #expect(lines.contains("DTSTART;TZID=Europe/Stockholm:20271231T233000"))
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20280101T003000"))
    }

    @Test func countsTheLengthInElapsedTimeAcrossAChangeOfOffset() throws {
        let lines = Self.unfolded(try Self.render([
            // Five hours from 23:00 CEST: the clocks go back at 03:00, so it ends at 03:00 CET.
            Self.meeting("autumn", "2027-10-30", "23:00", minutes: 300),
            // An hour from 01:30 CET: the clocks go forward at 02:00, so it ends at 03:30 CEST.
            Self.meeting("spring", "2027-03-28", "01:30", minutes: 60),
        ]))
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20271031T030000"))
        #expect(lines.contains("DTEND;TZID=Europe/Stockholm:20270328T033000"))
    }

    @Test func followsSwedishTimeAsFoundationKnowsIt() throws {
        let zone = try #require(ICSTimeZone(identifier: "Europe/Stockholm"))
        let foundation = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let first = CalendarDate(iso: "2026-01-01")!.dayNumber * 24 * 60
        for utc in stride(from: first, to: first + 3 * 366 * 24 * 60, by: 30) {
            let offset = foundation.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc * 60))) / 60
            #expect(zone.local(fromUTC: utc) - utc == offset)
        }
        // The hour that does not exist in March takes the offset before the change; the hour that occurs
        // twice in October means its first occurrence.
        let spring = CalendarDate(iso: "2027-03-28")!.dayNumber * 24 * 60
        #expect(zone.utc(fromLocal: spring + 2 * 60 + 30) == spring + 60 + 30)
        #expect(zone.utc(fromLocal: spring + 3 * 60) == spring + 60)
        let autumn = CalendarDate(iso: "2027-10-31")!.dayNumber * 24 * 60
        #expect(zone.utc(fromLocal: autumn + 2 * 60 + 30) == autumn + 30)
        #expect(zone.utc(fromLocal: autumn + 3 * 60) == autumn + 2 * 60)
    }

    @Test func refusesAZoneWithoutVTimeZone() {
        #expect(throws: ICSCalendar.UnsupportedTimeZone.self) {
            try ICSCalendar(name: "Test", meetings: [], timeZone: "Europe/London", stamp: Self.stamp)
        }
        #expect(ICSCalendar.UnsupportedTimeZone(identifier: "Europe/London").description.contains("Europe/Stockholm"))
    }

    @Test func sortsEventsByDateStartAndUIDWhateverTheInputOrder() throws {
        let meetings = [
            Self.meeting("b", "2027-05-04", "18:00", minutes: 60),
            Self.meeting("a", "2027-05-04", "18:00", minutes: 60),
            Self.meeting("c", "2027-05-04", nil, minutes: nil),
            Self.meeting("d", "2027-05-04", "09:00", minutes: 60),
            Self.meeting("e", "2027-05-03", "20:00", minutes: 60),
        ]
        let text = try Self.render(meetings)
        let uids = Self.unfolded(text).filter { $0.hasPrefix("UID:") }
        #expect(uids == ["e", "c", "d", "a", "b"].map { "UID:\($0)@trygghetsplattformen" })
        #expect(try Self.render(meetings.reversed()) == text)
    }

    // MARK: Golden

    /// A month of Lysekil's meetings around the change to summer time on 2027-03-28 (also Easter Day).
    static let goldenMeetings: [Meeting] = {
        let team = ["2027-04-06", "2027-03-16", "2027-03-30", "2027-03-23"].map { date in
            meeting("lysekil-operativt-trygghetsteam-" + date.replacingOccurrences(of: "-", with: ""), date, "09:00",
                    minutes: 90, location: "Stadshuset, sammanträdesrum Gullmarn",
                    attendees: ["Polisen", "Socialtjänsten", "Räddningstjänsten", "LysekilsBostäder", "Fältassistenter"])
        }
        return team + [
            meeting("lysekil-uppfoljning-brastad-20270408", "2027-04-08", "18:00", minutes: 90, kind: "safety-meeting",
                    title: "Uppföljning av trygghetsvandringen i Brastad", location: "Brastads bibliotek",
                    attendees: ["Polisen", "Föreningslivet"],
                    agenda: ["18:00 Välkomna", "18:10 Vad vandringen visade", "18:40 Åtgärder: belysning, klotter och buskage"],
                    notes: ["Uppföljning av trygghetsvandringen 2027-03-25."],
                    followUpOf: "lysekil-trygghetsvandring-brastad-20270325"),
            meeting("lysekil-inventering-20270401", "2027-04-01", nil, minutes: nil, kind: "inventory",
                    title: "Inventering av otrygga platser", attendees: ["Samhällsbyggnad", "LEVA i Lysekil"],
                    notes: ["Hela dagen; samling kl. 08.00 vid Stadshuset."]),
            meeting("lysekil-styrgrupp-trygghet-20270324", "2027-03-24", "08:30", minutes: 240,
                    title: "Styrgrupp för trygghet och brottsförebyggande arbete", location: "Kommunhuset, Kungsgatan 44",
                    attendees: ["Kommundirektör", "Lokalpolisområdeschef", "Förvaltningschefer"],
                    agenda: ["08:30 Välkomna och föregående protokoll", "08:45 Lägesbild vecka 11–12; Södra hamnen",
                             "10:15 Fika", "10:30 Beslut om insatser, ansvar och uppföljning", "12:15 Avslut"]),
            meeting("lysekil-trygghetsvandring-brastad-20270325", "2027-03-25", "21:30", minutes: 180, kind: "safety-walk",
                    title: "Trygghetsvandring i Brastad", location: "Brastad centrum",
                    attendees: ["Polisen", "Fältassistenter", "Föreningslivet"],
                    notes: ["Flyttad från 2027-03-26 (långfredagen)."]),
        ]
    }()

    @Test func matchesTheGoldenCalendar() throws {
        let calendar = try ICSCalendar(name: "Lysekil – möten i trygghetsarbetet", meetings: Self.goldenMeetings,
                                       stamp: Self.stamp)
        let actual = calendar.render()
        Self.expectWellFolded(actual)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: Self.goldenURL)
            return
        }
        guard let expected = try? Data(contentsOf: Self.goldenURL) else {
            Issue.record("missing Fixtures/calendar-golden.ics; run RECORD_GOLDEN=1 swift test")
            return
        }
        let actualLines = actual.components(separatedBy: "\r\n")
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\r\n")
        let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            .map { "line \($0.offset + 1): \($0.element.0)\n  golden: \($0.element.1)" } ?? "in length"
        #expect(Data(actual.utf8) == expected,
                "calendar differs from Fixtures/calendar-golden.ics (RECORD_GOLDEN=1 re-records), first \(firstDifference)")
    }
}

extension ICSCalendarTests {
    /// RFC 5546: a METHOD:PUBLISH calendar needs an ORGANIZER, which libical's check enforces ("Failed
    /// iTIP restrictions for ORGANIZER"). The platform has no organiser address, so it declares no METHOD:
    /// a plain calendar file, which every calendar program imports.
    @Test func noMethodWithoutAnOrganizer() throws {
        let lines = Self.unfolded(try Self.render([Self.meeting("a@x", "2027-03-02", "09:00", minutes: 60)]))
        #expect(!lines.contains { $0.hasPrefix("METHOD:") } || lines.contains { $0.hasPrefix("ORGANIZER") })
    }
}

