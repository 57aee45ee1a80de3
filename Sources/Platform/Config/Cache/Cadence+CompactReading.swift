// The readers of when things happen: cadences, activities and their follow-ups, dates, times, durations and
// offsets, from the configuration cache. Written by hand for speed; see `CompactReadable`.

extension Cadence: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(rule: try r.member("rule"), weekday: try r.optionalMember("weekday"), week: try r.optionalMember("week"),
             months: try r.member("months"), start: try r.optionalMember("start"), time: try r.optionalMember("time"),
             duration: try r.optionalMember("duration"), holidays: try r.member("holidays"), note: try r.optionalMember("note"))
    }
}

/// As synthesized `Codable` writes an enum with associated values: one member named by the case, holding
/// the associated values by label (`_0` for one without).
extension Cadence.Rule: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        if r.takeKey("every") {
            return try r.object { r in .every(try r.member("_0"), interval: try r.member("interval")) }
        }
        if r.takeKey("timesPerYear") { return try r.object { r in .timesPerYear(try r.member("_0")) } }
        guard r.takeKey("rrule") else { throw CompactBinary.Corrupt("not a Cadence.Rule") }
        return try r.object { r in .rrule(try r.member("_0")) }
    }
}

extension Cadence.Frequency: CompactReadable {}
extension Cadence.HolidayPolicy: CompactReadable {}
extension Cadence.WeekOfMonth: CompactReadable {}
extension Weekday: CompactReadable {}

extension Activity: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), kind: try r.member("kind"),
             purpose: try r.optionalMember("purpose"), organiser: try r.optionalMember("organiser"),
             participants: try r.member("participants"), cadence: try r.optionalMember("cadence"),
             agenda: try r.member("agenda"), followUps: try r.member("followUps"),
             rotation: try r.optionalMember("rotation"), area: try r.optionalMember("area"),
             notes: try r.optionalMember("notes"))
    }
}

extension Activity.Kind: CompactReadable {}

extension Activity.AgendaItem: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(time: try r.optionalMember("time"), item: try r.member("item"))
    }
}

extension Activity.FollowUp: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(activity: try r.optionalMember("activity"), description: try r.optionalMember("description"),
             timing: try r.member("timing"))
    }
}

/// As `Cadence.Rule`: one member named by the case.
extension Activity.FollowUp.Timing: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        if r.takeKey("within") { return try r.object { r in .within(try r.member("_0")) } }
        guard r.takeKey("after") else { throw CompactBinary.Corrupt("not a FollowUp.Timing") }
        return try r.object { r in .after(try r.member("_0")) }
    }
}

extension Activity.Rotation: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(over: try r.member("over"), period: try r.member("period"), atLeast: try r.member("atLeast"))
    }
}

extension Activity.Rotation.Period: CompactReadable {}

extension CalendarOffset: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        (self.count, self.unit) = try reader.object { r in (try r.member("count") as Int, try r.member("unit") as Unit) }
    }
}

extension CalendarOffset.Unit: CompactReadable {}

extension ConfigDuration: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        (self.minutes, self.description) = try reader.object { r in
            (try r.member("minutes") as Int, try r.member("description") as String)
        }
    }
}

/// Written as its ISO text, `2026-01-05`.
extension CalendarDate: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        guard let date = CalendarDate(iso: try reader.string()) else { throw CompactBinary.Corrupt("not a date") }
        self = date
    }
}

/// Written as its text, `18:00`.
extension TimeOfDay: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        guard let time = TimeOfDay(parsing: try reader.string()) else { throw CompactBinary.Corrupt("not a time") }
        self = time
    }
}
