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
    public var contentHash: Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [reporter, ref ?? "", dateText, time?.description ?? "", area, indicator, String(value),
                     place ?? "", lat.map { "\($0)" } ?? "", lon.map { "\($0)" } ?? "", note ?? ""] {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0x1f) &* 0x100_0000_01b3  // unit separator between fields
        }
        return Int64(bitPattern: hash)
    }
}
