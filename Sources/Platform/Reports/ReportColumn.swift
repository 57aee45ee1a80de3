/// The columns (CSV) or fields (JSON) of a report file. `docs/reports.md` describes each.
public enum ReportColumn: String, Sendable, CaseIterable {
    case date, reporter, area, indicator, value, time, place, lat, lon, note, id

    /// Columns every file must have.
    public static let required: [ReportColumn] = [.date, .reporter, .area, .indicator]

    /// The column's position in `allCases`, and so in `RawReport.values`. A switch rather than a search of
    /// `allCases`, which builds that array on every call: this is read for every column of every row.
    var index: Int {
        switch self {
        case .date: 0
        case .reporter: 1
        case .area: 2
        case .indicator: 3
        case .value: 4
        case .time: 5
        case .place: 6
        case .lat: 7
        case .lon: 8
        case .note: 9
        case .id: 10
        }
    }
}

/// One row of a report file before it is checked: its line and the text of each column.
public struct RawReport: Sendable {
    public var line: Int
    /// Indexed by `ReportColumn.index`; nil or empty when the column is absent or empty.
    public var values: [String?]
    /// Problems found while reading the row (a wrong number of fields, an unknown JSON field).
    public var problems: [String] = []
    /// True when the row could not be split into its columns at all; it is not checked further.
    public var isMalformed = false

    public init(line: Int, values: [String?] = Array(repeating: nil, count: ReportColumn.allCases.count)) {
        self.line = line
        self.values = values
    }

    /// A row from named column values (the web form, an API client in Swift); columns not given are absent.
    public init(line: Int, values: [ReportColumn: String]) {
        self.init(line: line)
        for (column, value) in values { self.values[column.index] = value }
    }

    public subscript(column: ReportColumn) -> String? {
        get {
            guard let value = values[column.index] else { return nil }
            let trimmed = value.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        }
        set { values[column.index] = newValue }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (cheaper than Foundation's trimming on the row path).
    public var trimmingSpaces: String {
        // The ends are read from the contiguous bytes: `utf8.first` and `utf8.last` cost several times as much,
        // and this runs for every field of every row an ingest checks.
        let hasSpaceAtAnEnd = utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first == 32 || first == 9 || last == 32 || last == 9
        }
        guard hasSpaceAtAnEnd ?? true else { return self }
        return String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
