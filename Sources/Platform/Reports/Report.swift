/// One checked report: an observed event, or a checklist answer for a week.
public struct Report: Sendable, Hashable {
    /// Whether the report is dated to a day or to an ISO week.
    public enum Precision: String, Sendable, Hashable {
        case day, week
    }

    public var reporter: String
    /// The reporter's own reference, when given: a corrected row with the same one replaces the old.
    public var ref: String?
    /// The day; for a weekly answer, the week's Thursday (so it counts in the month that holds most of the week).
    public var date: CalendarDate
    public var precision: Precision
    public var time: TimeOfDay?
    /// The area's id.
    public var area: String
    public var indicator: String
    public var value: Int
    public var place: String?
    public var lat: Double?
    public var lon: Double?
    public var note: String?
    /// The line of the source file.
    public var line: Int

    /// The ISO week the report counts in.
    public var week: Period { Period(containing: date, kind: .week) }

    /// `2026-11-24` or `2026-W47`.
    public var dateText: String {
        precision == .week ? week.description : date.description
    }

    /// A stable 64-bit FNV-1a hash of what the report says (not where it came from), for telling a
    /// repeated row from a corrected one.
    ///
    /// The hashed bytes are, and must stay, the UTF-8 of `reporter`, `ref ?? ""`, `dateText`,
    /// `time?.description ?? ""`, `area`, `indicator`, `String(value)`, `place ?? ""`, `lat.map { "\($0)" } ?? ""`,
    /// `lon` likewise and `note ?? ""`, each followed by 0x1f: every stored report keeps its hash, and a change
    /// would make every row read as a revision on its next ingest (`ReportContentHashTests` pins it). Dates,
    /// times and the value are written straight into the hash rather than built as Strings first: this runs
    /// for every row of an ingest.
    public var contentHash: Int64 {
        var hash = FNV1a()
        hash.field(reporter)
        hash.field(ref ?? "")
        if precision == .week { hash.append(week.description) } else { date.write(to: &hash) }
        hash.endField()
        time?.write(to: &hash)
        hash.endField()
        hash.field(area)
        hash.field(indicator)
        hash.appendDecimal(value)
        hash.endField()
        hash.field(place ?? "")
        // `write(to:)` is what string interpolation calls: these are the bytes of `"\(lat)"` (which, unlike
        // `lat.description`, spells out a NaN's payload).
        lat?.write(to: &hash)
        hash.endField()
        lon?.write(to: &hash)
        hash.endField()
        hash.field(note ?? "")
        return Int64(bitPattern: hash.value)
    }
}

/// The 64-bit FNV-1a hash of the bytes appended or written.
private struct FNV1a: TextByteSink, TextOutputStream {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func append(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    mutating func write(_ text: String) {
        append(text)
    }

    mutating func field(_ text: String) {
        append(text)
        endField()
    }

    /// The unit separator, after every field.
    mutating func endField() {
        append(0x1f)
    }
}
