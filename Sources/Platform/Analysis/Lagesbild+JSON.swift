import Foundation

// The lägesbild's JSON, written member by member: exactly the bytes Foundation's `JSONEncoder` writes of its
// `Encodable` conformance with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (the tests compare them),
// but without the generic `Codable` machinery (containers, boxed values, keys sorted per object), which was most
// of the JSON exporter's cost: Lysekil's week 2026-W46 (125 kB), release build, callgrind, 26.9 million
// instructions through `PrettyJSONEncoder`, 4.3 million written here. Each type writes its members in key order
// (`JSONObjectWriter`); optionals are left out when nil, as synthesized `Codable` leaves them out, except
// `@NullWhenNoData` numbers, which are `null`. A new property must be written here too: the tests compare the
// bytes with `JSONEncoder`'s on lägesbilder that set every property.

extension Lagesbild: JSONObjectWritable {
    /// The lägesbild's JSON text and a final newline: the contract `schemas/lagesbild.schema.json` describes.
    public func prettyJSON() throws -> Data {
        var output = JSONOutput()
        try writeJSON(to: &output)
        output.append("\n")
        return Data(output.bytes)
    }

    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", ifPresent: area)
        try object.member("areaScores", areaScores)
        try object.member("areaStatuses", areaStatuses)
        try object.member("areas", areas)
        try object.member("cells", cells)
        try object.member("completeness", completeness)
        try object.member("definition", ifPresent: definition)
        try object.member("distribution", distribution)
        try object.member("highlights", highlights)
        try object.member("history", history)
        try object.member("hotspots", hotspots)
        try object.member("indicatorTotals", indicatorTotals)
        try object.member("indicators", indicators)
        try object.member("interventions", interventions)
        try object.member("kommun", kommun)
        try object.member("language", language)
        try object.member("methods", methods)
        try object.member("notes", notes)
        try object.member("period", period)
        try object.member("recurringPlaces", recurringPlaces)
        try object.member("schemaVersion", schemaVersion)
        try object.member("sources", ifPresent: sources)
        try object.member("statusScale", statusScale)
        try object.member("upcoming", upcoming)
    }
}

extension Language: JSONWritable {}
extension Lagesbild.Status: JSONWritable {}

extension Lagesbild.KommunSummary: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("id", id)
        try object.member("lan", lan)
        try object.member("name", name)
    }
}

extension Lagesbild.Definition: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("id", id)
        try object.member("name", ifPresent: name)
    }
}

extension Lagesbild.PeriodSummary: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("baselinePeriods", baselinePeriods)
        try object.member("end", end)
        try object.member("id", id)
        try object.member("kind", kind)
        try object.member("label", label)
        try object.member("lastYear", lastYear)
        try object.member("previous", previous)
        try object.member("start", start)
    }
}

extension Lagesbild.AreaSummary: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("boundary", ifPresent: boundary)
        try object.member("depth", depth)
        try object.member("id", id)
        try object.member("kind", kind)
        try object.member("lat", ifPresent: lat)
        try object.member("lon", ifPresent: lon)
        try object.member("name", name)
        try object.member("parent", ifPresent: parent)
    }
}

extension Lagesbild.IndicatorSummary: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("category", category)
        try object.member("categoryName", categoryName)
        try object.member("id", id)
        try object.member("measure", measure)
        try object.member("name", name)
        try object.member("scaleMax", ifPresent: scaleMax)
        try object.member("scaleMin", ifPresent: scaleMin)
        try object.member("weight", weight)
    }
}

extension Lagesbild.Cell: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("baseline", orNull: baseline)
        try object.member("change", orNull: change)
        try object.member("indicator", indicator)
        try object.member("indicatorName", indicatorName)
        try object.member("isNew", isNew)
        try object.member("lastYear", orNull: lastYear)
        try object.member("previous", orNull: previous)
        try object.member("sources", ifPresent: sources)
        try object.member("status", status)
        try object.member("statusLabel", statusLabel)
        try object.member("value", value)
    }
}

extension Lagesbild.Highlights: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("areasWithEvents", areasWithEvents)
        try object.member("events", events)
        try object.member("missingReporters", missingReporters)
        try object.member("new", new)
        try object.member("previousEvents", orNull: previousEvents)
        try object.member("rising", rising)
        try object.member("topAreas", topAreas)
    }
}

extension Lagesbild.Hotspot: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("adjustedPValue", adjustedPValue)
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("baseline", baseline)
        try object.member("indicator", indicator)
        try object.member("indicatorName", indicatorName)
        try object.member("pValue", pValue)
        try object.member("value", value)
    }
}

extension Lagesbild.RecurringPlace: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("indicator", indicator)
        try object.member("indicatorName", indicatorName)
        try object.member("periods", periods)
        try object.member("place", ifPresent: place)
        try object.member("reports", reports)
    }
}

extension Lagesbild.AreaScore: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("rank", rank)
        try object.member("score", score)
    }
}

extension Lagesbild.StatusLevel: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("colour", colour)
        try object.member("name", name)
        try object.member("status", status)
    }
}

extension Lagesbild.AreaStatus: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("assessed", ifPresent: assessed)
        try object.member("status", status)
        try object.member("statusLabel", statusLabel)
    }
}

extension Lagesbild.AssessedStatus: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("by", by)
        try object.member("on", on)
        try object.member("reason", reason)
        try object.member("status", status)
        try object.member("statusLabel", statusLabel)
    }
}

extension Lagesbild.IndicatorTotal: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("baseline", orNull: baseline)
        try object.member("indicator", indicator)
        try object.member("indicatorName", indicatorName)
        try object.member("lastYear", orNull: lastYear)
        try object.member("previous", orNull: previous)
        try object.member("value", value)
    }
}

extension Lagesbild.History: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("areas", areas)
        try object.member("periods", periods)
    }
}

extension Lagesbild.Series: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("area", area)
        try object.member("areaName", areaName)
        try object.member("values", elementsOrNull: values)
    }
}

extension Lagesbild.Methods: JSONObjectWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws {
        try object.member("baseline", baseline)
        try object.member("hotspots", hotspots)
        try object.member("recurringPlaces", recurringPlaces)
        try object.member("score", score)
        try object.member("status", status)
    }
}
