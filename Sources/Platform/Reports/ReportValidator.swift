/// Checks report rows against a kommun's file: known reporter, area and indicator, a valid date that is
/// not in the future (a day or an ISO week; for a statistics reporter also a month, quarter, year or other
/// period), a value that fits the indicator, and no personal data in free text.
public struct ReportValidator: Sendable {
    /// What to do with personal data found in a note or place.
    public enum PrivacyMode: Sendable {
        /// Refuse the row (the default).
        case refuse
        /// Store the row with the data replaced by `[personnummer]`, `[telefon]` or `[e-post]`.
        case redact
    }

    /// The largest count one row may hold; more is almost certainly a typo.
    public static let maxCount = 10_000
    /// Reports dated before this year are refused as typos.
    public static let earliestYear = 2000

    /// What each reporter delivers, by id.
    private let reporters: [String: Reporter.Source]
    private let areasByKey: [String: String]
    private let areaIDs: [String]
    private let indicators: [String: IndicatorRule]
    private let today: CalendarDate
    private let privacy: PrivacyMode

    public init(config: KommunConfig, today: CalendarDate, privacy: PrivacyMode = .refuse) {
        reporters = Dictionary(config.reporters.map { ($0.organisation, $0.source) }, uniquingKeysWith: { first, _ in first })
        var areas: [String: String] = [:]
        for area in config.allAreas {
            for key in [area.name] + area.aliases { areas[key.lowercased(), default: area.id] = area.id }
        }
        for area in config.allAreas { areas[area.id] = area.id }
        areasByKey = areas
        areaIDs = config.allAreas.map(\.id)
        indicators = Dictionary(config.checklist.indicators.map { ($0.id, IndicatorRule($0)) }, uniquingKeysWith: { first, _ in first })
        self.today = today
        self.privacy = privacy
    }

    /// The checked report, or every problem with the row.
    public func check(_ raw: RawReport) -> Result<Report, RowProblems> {
        if raw.isMalformed { return .failure(RowProblems(line: raw.line, messages: raw.problems)) }
        var problems = raw.problems
        let reporter = raw[.reporter]
        let source = reporter.flatMap { reporters[$0] }
        if let reporter, source == nil {
            problems.append(Self.unknown("reporter", reporter, among: reporters.keys))
        }
        var area: String?
        let areaName = raw[.area]
        if let name = areaName {
            area = areasByKey[name] ?? areasByKey[name.lowercased()]
            if area == nil { problems.append(Self.unknown("area", name, among: areaIDs)) }
        }
        var indicator: IndicatorRule?
        let indicatorID = raw[.indicator]
        if let id = indicatorID {
            indicator = indicators[id]
            if indicator == nil { problems.append(Self.unknown("indicator", id, among: indicators.keys)) }
        }
        let dateText = raw[.date]
        let date = checkDate(dateText, reporter: reporter, source: source, &problems)
        let value = checkValue(raw[.value], indicator: indicator, &problems)
        var time: TimeOfDay?
        if let text = raw[.time] {
            time = TimeOfDay(parsing: text)
            if time == nil { problems.append("invalid time '\(text)': expected HH:MM") }
        }
        let (lat, lon) = checkCoordinates(raw[.lat], raw[.lon], &problems)
        let placeText = raw[.place], noteText = raw[.note]
        let place = guarded(placeText, column: "place", &problems)
        let note = guarded(noteText, column: "note", &problems)
        let ref = raw[.id]
        Self.refuseControls(in: placeText, column: "place", &problems)
        Self.refuseControls(in: noteText, column: "note", allowing: Self.noteControls, &problems)
        Self.refuseControls(in: ref, column: "id", &problems)
        // Counting characters walks grapheme clusters; no more bytes than 100 means no more characters.
        if let ref, ref.utf8.count > 100, ref.count > 100 { problems.append("id is longer than 100 characters") }
        // An id is stored and compared as it is, so personal data in it is refused even with --redact.
        if let ref, case let findings = PrivacyGuard.findings(in: ref), !findings.isEmpty {
            problems.append(Self.privacyRefusal(findings, in: "id", remedy: "an id cannot be redacted; give the row another id"))
        }
        // Each column is read once above (every read trims it); only a row that lacks one looks again.
        let requiredMissing = dateText == nil || reporter == nil || areaName == nil || indicatorID == nil
        for column in ReportColumn.required where requiredMissing && raw[column] == nil
            && !raw.problems.contains(where: { $0.contains("'\(column.rawValue)'") }) {
            problems.append("missing \(column.rawValue)")
        }
        guard problems.isEmpty, let reporter, let area, let indicator, let date, let value else {
            return .failure(RowProblems(line: raw.line, messages: problems))
        }
        return .success(Report(reporter: reporter, ref: ref, date: date.day, precision: date.precision, period: date.period,
                               source: source ?? .observations, time: time, area: area, indicator: indicator.id, value: value,
                               place: place, lat: lat, lon: lon, note: note, line: raw.line))
    }

    /// The checked date: a day or an ISO week for every reporter; a statistics reporter's row may also be
    /// dated by any other period (`2026-11`, `2026-Q4`, `2026`).
    /// (`source` is nil for an unknown reporter, already reported: its date is checked as an observation's,
    /// and a period is not reported again.)
    private func checkDate(_ text: String?, reporter: String?, source: Reporter.Source?,
                           _ problems: inout [String]) -> (day: CalendarDate, precision: Report.Precision, period: Period?)? {
        guard let text else { return nil }
        let parsed: (day: CalendarDate, precision: Report.Precision, period: Period?, start: CalendarDate)?
        if let day = CalendarDate(iso: text) {
            parsed = (day, .day, nil, day)
        } else if let period = Period(text) {
            if period.kind == .week {
                parsed = (period.start.adding(days: 3), .week, nil, period.start)
            } else if source == .statistics {
                parsed = (period.start, .period, period, period.start)
            } else {
                guard let source else { return nil }
                problems.append("date '\(text)' is a period (\(period.kind.name)); reporter '\(reporter ?? "")' delivers \(source.rawValue), "
                    + "dated by a day (YYYY-MM-DD) or an ISO week such as 2026-W47 (only a reporter with source: statistics "
                    + "may date rows by a month, quarter or year)")
                return nil
            }
        } else {
            parsed = nil
        }
        guard let parsed else {
            problems.append(source == .statistics
                ? "invalid date '\(text)': expected YYYY-MM-DD or a period such as 2026-W47, 2026-11, 2026-Q4 or 2026"
                : "invalid date '\(text)': expected YYYY-MM-DD or an ISO week such as 2026-W47")
            return nil
        }
        if parsed.start > today {
            problems.append("date \(text) is in the future")
            return nil
        }
        if parsed.start.year < Self.earliestYear {
            problems.append("date \(text) is before \(Self.earliestYear)")
            return nil
        }
        return (parsed.day, parsed.precision, parsed.period)
    }

    private func checkValue(_ text: String?, indicator: IndicatorRule?, _ problems: inout [String]) -> Int? {
        guard let text else {
            if let indicator, let scale = indicator.scale, indicator.measure == .level {
                problems.append("'\(indicator.id)' is a level from \(scale.min) to \(scale.max) and needs a value")
                return nil
            }
            return 1
        }
        guard let value = Int(text) else {
            problems.append("value '\(text)' is not a whole number")
            return nil
        }
        guard let indicator else { return value }
        switch indicator.measure {
        case .count:
            if value < 0 { problems.append("value \(value) is negative; '\(indicator.id)' is a count") }
            if value > Self.maxCount { problems.append("value \(value) is more than \(Self.maxCount) events in one row") }
        case .level:
            if let scale = indicator.scale, !(scale.min...scale.max).contains(value) {
                problems.append("value \(value) is off the scale \(scale.min)–\(scale.max) of '\(indicator.id)'")
            }
        }
        return value
    }

    private func checkCoordinates(_ latText: String?, _ lonText: String?, _ problems: inout [String]) -> (Double?, Double?) {
        guard latText != nil || lonText != nil else { return (nil, nil) }
        guard let latText, let lonText else {
            problems.append("lat and lon go together: give both or neither")
            return (nil, nil)
        }
        guard let lat = Self.number(latText), (-90...90).contains(lat) else {
            problems.append("lat '\(latText)' is not a latitude between -90 and 90")
            return (nil, nil)
        }
        guard let lon = Self.number(lonText), (-180...180).contains(lon) else {
            problems.append("lon '\(lonText)' is not a longitude between -180 and 180")
            return (nil, nil)
        }
        return (lat, lon)
    }

    /// `Double(text)`, with a shortcut for what coordinates look like.
    ///
    /// `Double(_:)` goes through a C string and `strtod` (3 % of the ingest in the profile, for two coordinates a
    /// row). A plain decimal such as `-58.27431` with at most 15 digits is read here instead, as its digits `m`
    /// and fraction length `k`: `m` and `10^k` are exact doubles, and IEEE division rounds `m / 10^k` correctly,
    /// which is the very value `strtod` returns. Anything else (exponents, more digits, `+`, `inf`) goes to
    /// `Double(_:)`.
    static func number(_ text: String) -> Double? {
        var text = text
        let parsed: Double? = text.withUTF8 { bytes in
            var digits: Int64 = 0, digitCount = 0, fractionCount = 0
            var sawPoint = false
            for (offset, byte) in bytes.enumerated() {
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    digits = digits * 10 + Int64(byte - UInt8(ascii: "0"))
                    digitCount += 1
                    if sawPoint { fractionCount += 1 }
                } else if byte == UInt8(ascii: "."), !sawPoint, digitCount > 0 {
                    sawPoint = true
                } else if byte == UInt8(ascii: "-"), offset == 0 {
                    continue
                } else {
                    return nil
                }
                if digitCount > 15 { return nil }
            }
            guard digitCount > 0, !sawPoint || fractionCount > 0 else { return nil }
            let value = Double(digits) / Self.powersOfTen[fractionCount]
            return bytes.first == UInt8(ascii: "-") ? -value : value
        }
        return parsed ?? Double(text)
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The text after the privacy check: refused (with a message that never shows the data) or redacted.
    private func guarded(_ text: String?, column: String, _ problems: inout [String]) -> String? {
        guard let text else { return nil }
        let findings = PrivacyGuard.findings(in: text)
        guard !findings.isEmpty else { return text }
        switch privacy {
        case .redact:
            return PrivacyGuard.redacted(text)
        case .refuse:
            problems.append(Self.privacyRefusal(findings, in: column, remedy: "remove it, or ingest with --redact"))
            return nil
        }
    }

    /// A note may run over lines (CRLF too) and hold tabs.
    private static let noteControls: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    /// A NUL, an escape sequence or another control character is refused, named by its code point.
    private static func refuseControls(in text: String?, column: String, allowing allowed: Set<Unicode.Scalar> = [],
                                       _ problems: inout [String]) {
        guard let text, let control = TerminalText.firstControl(in: text, allowing: allowed) else { return }
        let digits = String(control.value, radix: 16, uppercase: true)
        problems.append("\(column) contains a control character (U+\(String(repeating: "0", count: max(0, 4 - digits.count)) + digits)); remove it")
    }

    /// `column contains a phone number; personal data is not stored (remedy)`: names the kind, never the data.
    static func privacyRefusal(_ findings: [PrivacyGuard.Finding], in column: String, remedy: String) -> String {
        "\(column) contains \(findings.map(\.label).joined(separator: " and ")); personal data is not stored (\(remedy))"
    }

    private static func unknown(_ what: String, _ value: String, among candidates: some Sequence<String>) -> String {
        var message = "unknown \(what) '\(ReportLimits().quoted(value))'"
        if let suggestion = Suggestion.nearest(to: value, among: candidates) { message += " (did you mean '\(suggestion)'?)" }
        return message
    }
}

/// What checking a row needs of an indicator. (The whole `Indicator`, with its names, texts and labels, was
/// copied for every row.)
private struct IndicatorRule: Sendable {
    let id: String
    let measure: Indicator.Measure
    let scale: (min: Int, max: Int)?

    init(_ indicator: Indicator) {
        id = indicator.id
        measure = indicator.measure
        scale = indicator.scale.map { ($0.min, $0.max) }
    }
}

/// Everything wrong with one row.
public struct RowProblems: Error, Sendable, Hashable {
    public var line: Int
    public var messages: [String]
}
