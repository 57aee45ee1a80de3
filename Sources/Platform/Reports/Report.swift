/// One checked report: an observed event, a checklist answer for a week, or a statistic for a period.
public struct Report: Sendable, Hashable {
    /// Whether the report is dated to a day, to an ISO week, or (a statistic) to another period in `period`.
    public enum Precision: String, Sendable, Hashable {
        case day, week, period
    }

    public var reporter: String
    /// The reporter's own reference, when given: a corrected row with the same one replaces the old.
    public var ref: String?
    /// The day; for a weekly answer, the week's Thursday (so it counts in the month that holds most of the week);
    /// for a statistic dated by a period, the period's first day.
    public var date: CalendarDate
    public var precision: Precision
    /// The period a statistic is dated by (`2026-11`), when `precision` is `.period`.
    public var period: Period?
    /// What the reporter delivers, from the kommun file: not part of what the report says (nor of its hash).
    public var source: Reporter.Source = .observations
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

    /// `2026-11-24`, `2026-W47`, or a statistic's period (`2026-11`).
    public var dateText: String {
        switch precision {
        case .day: date.description
        case .week: week.description
        case .period: period?.description ?? date.description
        }
    }

    /// The days the report covers: its day, its week, or its period.
    public var span: ClosedRange<CalendarDate> {
        switch precision {
        case .day: date...date
        case .week: week.start...week.end
        case .period: (period?.start ?? date)...(period?.end ?? date)
        }
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
        switch precision {
        case .day: date.write(to: &hash)
        case .week: hash.append(week.description)
        case .period: hash.append(dateText)
        }
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
