// The lägesbild's JSON (see `Lagesbild+JSON.swift`): who reported, noted, decides and receives it, and the
// other sources.

extension Lagesbild.Party: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("id", id)
        try object.member("name", name)
    }
}

extension Lagesbild.Timeliness: JSONWritable {}

extension Lagesbild.Completeness: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("due", due)
        try object.member("dueFor", ifPresent: dueFor)
        try object.member("expected", expected)
        try object.member("reported", reported)
        try object.member("reporters", reporters)
    }
}

extension Lagesbild.ReporterStatus: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("expected", expected)
        try object.member("firstIngestedAt", ifPresent: firstIngestedAt)
        try object.member("id", id)
        try object.member("lastIngestedAt", ifPresent: lastIngestedAt)
        try object.member("name", name)
        try object.member("nothingToReport", ifPresent: nothingToReport)
        try object.member("reported", reported)
        try object.member("rows", rows)
        try object.member("timeliness", timeliness)
    }
}

extension Lagesbild.Note: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("date", date)
        try object.member("indicator", indicator)
        try object.member("indicatorName", indicatorName)
        try object.member("place", ifPresent: place)
        try object.member("reporter", reporter)
        try object.member("reporterName", reporterName)
        try object.member("text", ifPresent: text)
        try object.member("time", ifPresent: time)
    }
}

extension Lagesbild.Interventions: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("followUpsDue", followUpsDue)
        try object.member("priorities", ifPresent: priorities)
        try object.member("proposed", proposed)
        try object.member("underWay", underWay)
    }
}

extension Lagesbild.InterventionItem: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("areas", areas)
        try object.member("decidedBy", ifPresent: decidedBy)
        try object.member("id", id)
        try object.member("indicators", indicators)
        try object.member("owner", ifPresent: owner)
        try object.member("plannedEnd", ifPresent: plannedEnd)
        try object.member("proposedBy", proposedBy)
        try object.member("start", ifPresent: start)
        try object.member("status", status)
        try object.member("title", title)
    }
}

extension Lagesbild.Priorities: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("areas", areas)
        try object.member("decidedBy", decidedBy)
        try object.member("decidedOn", decidedOn)
        try object.member("period", period)
    }
}

extension Lagesbild.Distribution: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("analysedBy", ifPresent: analysedBy)
        try object.member("compiledBy", compiledBy)
        try object.member("feedback", feedback)
        try object.member("readBy", ifPresent: readBy)
    }
}

extension Lagesbild.FeedbackStep: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("about", ifPresent: about)
        try object.member("from", from)
        try object.member("order", order)
        try object.member("to", to)
    }
}

extension Lagesbild.SourceValues: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("public", ifPresent: `public`)
        try object.member("statistics", ifPresent: statistics)
    }
}

extension Lagesbild.SourceSummary: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("label", label)
        try object.member("name", name)
        try object.member("periods", periods)
        try object.member("reporters", reporters)
        try object.member("source", source)
        try object.member("totals", totals)
        try object.member("withinPeriod", withinPeriod)
    }
}

extension Lagesbild.SourceReporter: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("id", id)
        try object.member("name", name)
        try object.member("rows", rows)
    }
}

extension Lagesbild.SourceTotal: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("indicator", indicator)
        try object.member("indicatorName", indicatorName)
        try object.member("value", value)
    }
}
