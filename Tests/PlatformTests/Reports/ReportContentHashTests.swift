import Foundation
import Testing
@testable import Platform

/// `Report.contentHash` is stored with every report: a re-ingested row is "unchanged" only when its hash
/// equals the stored one. Any change to the hashed bytes would turn every row of every existing store into
/// a "revision" on its next ingest, so these values are pinned. They were computed with the hash as first
/// shipped (an FNV-1a over the fields' text, each followed by 0x1f), before the ingest speed work; the first
/// was also checked against an independent FNV-1a in Python over the same bytes.
@Suite("Report content hash")
struct ReportContentHashTests {
    static func report(_ reporter: String = "polisen", ref: String? = nil, date: String = "2026-11-02",
                       precision: Report.Precision = .day, time: TimeOfDay? = nil, area: String = "centrum",
                       indicator: String = "klotter", value: Int = 1, place: String? = nil, lat: Double? = nil,
                       lon: Double? = nil, note: String? = nil, line: Int = 2) -> Report {
        Report(reporter: reporter, ref: ref, date: CalendarDate(iso: date)!, precision: precision, time: time, area: area,
               indicator: indicator, value: value, place: place, lat: lat, lon: lon, note: note, line: line)
    }

    static let pinned: [(name: String, report: Report, hash: Int64)] = [
        ("every field", report(ref: "a1", time: TimeOfDay(hour: 7, minute: 5), value: 3, place: "Södra hamnen",
                               lat: 58.2743, lon: 11.4358, note: "Klotter på busskuren"), -2455920543332622410),
        ("only the required fields", report(), 313241085264637048),
        ("weekly answer", report("ksf", date: "2026-11-19", precision: .week, area: "torget", indicator: "otrygg-plats",
                                 value: 2), 5066251793512234159),
        ("week 53 across the year end", report("ksf", date: "2020-12-31", precision: .week, area: "torget",
                                               indicator: "otrygg-plats", value: 0), -5970194110749054422),
        ("awkward numbers", report(ref: "#ref", time: TimeOfDay(hour: 23, minute: 59), value: -12, lat: 58.0,
                                   lon: 1e-05), -7436125058171050979),
        ("negative zero and long decimals", report(value: 10_000, lat: -0.0, lon: -179.99999999999997), 1459008844961826663),
        ("free text with quotes, delimiters and emoji", report(ref: String(repeating: "x", count: 100),
                                                            place: "\"Torget\", vid 7-Eleven; norra", note: "Ljus trasig 💡\nigen"), -2281851809564624047),
    ]

    @Test func hashesArePinned() {
        for (name, report, hash) in Self.pinned {
            #expect(report.contentHash == hash, "\(name)")
        }
    }

    /// Where a report came from (its line) is not what it says.
    @Test func theLineIsNotHashed() {
        let report = Self.pinned[0].report
        var moved = report
        moved.line = 4711
        #expect(moved.contentHash == report.contentHash)
    }

    /// The hash as first shipped, verbatim: the fields' text built as Strings, hashed byte by byte.
    static func shippedHash(_ report: Report) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [report.reporter, report.ref ?? "", report.dateText, report.time?.description ?? "", report.area,
                     report.indicator, String(report.value), report.place ?? "", report.lat.map { "\($0)" } ?? "",
                     report.lon.map { "\($0)" } ?? "", report.note ?? ""] {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0x1f) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Random reports, including values no validator lets through (odd years, negative times, coordinates of
    /// every magnitude), hash as the shipped code did.
    @Test func randomReportsHashAsShipped() {
        var rng = SplitMix64(seed: 47)
        let texts = ["", "a", "polisen", "Södra hamnen", "x,y", "\"", "💡", String(repeating: "å", count: 40)]
        func text() -> String { texts[Int(rng.next() % UInt64(texts.count))] }
        func maybe<T>(_ value: T) -> T? { rng.next() % 3 == 0 ? nil : value }
        func coordinate() -> Double {
            switch rng.next() % 5 {
            case 0: Double(Int(rng.next() % 18_000_000)) / 100_000 - 90
            case 1: (rng.nextDouble() - 0.5) * 360
            case 2: Double(bitPattern: rng.next())
            case 3: Double(Int(rng.next() % 200)) - 100
            default: rng.nextDouble() * pow(10, Double(Int(rng.next() % 40)) - 20)
            }
        }
        for _ in 0..<5_000 {
            let day = CalendarDate(dayNumber: Int(rng.next() % 8_000_000) - 4_000_000)
            let time = TimeOfDay(hour: Int(rng.next() % 40) - 10, minute: Int(rng.next() % 80) - 10)
            let report = Report(reporter: text(), ref: maybe(text()), date: day, precision: rng.next() % 4 == 0 ? .week : .day,
                                time: maybe(time), area: text(), indicator: text(),
                                value: Int(bitPattern: UInt(rng.next())) >> Int(rng.next() % 64), place: maybe(text()),
                                lat: maybe(coordinate()), lon: maybe(coordinate()), note: maybe(text()), line: 2)
            #expect(report.contentHash == Self.shippedHash(report), "\(report)")
        }
    }
}
