// A meeting in the lägesbild's JSON (`upcoming`; see `Lagesbild+JSON.swift`), written as `JSONEncoder` writes
// its `Codable` conformance: dates and times as their text.

extension Meeting: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("agenda", agenda)
        try object.member("attendees", attendees)
        try object.member("date", date)
        try object.member("durationMinutes", ifPresent: durationMinutes)
        try object.member("escalated", escalated)
        try object.member("followUpOf", ifPresent: followUpOf)
        try object.member("kind", kind)
        try object.member("kommun", kommun)
        try object.member("location", ifPresent: location)
        try object.member("notes", notes)
        try object.member("source", source)
        try object.member("start", ifPresent: start)
        try object.member("title", title)
        try object.member("uid", uid)
    }
}

extension CalendarDate: JSONWritable {
    func writeJSON(to output: inout JSONOutput) { output.writeString(description) }
}

extension TimeOfDay: JSONWritable {
    func writeJSON(to output: inout JSONOutput) { output.writeString(description) }
}
