// The readers of the kommun file's top level, its kommun, reporters, areas, checklist and lists, from the
// configuration cache. Written by hand for speed; see `CompactReadable`.

extension KommunConfig: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(kommun: try r.member("kommun"), organisations: try r.member("organisations"),
             organisation: try r.member("organisation"), reporters: try r.member("reporters"),
             areas: try r.member("areas"), checklist: try r.member("checklist"),
             activities: try r.member("activities"), lagesbilder: try r.member("lagesbilder"),
             escalations: try r.member("escalations"), focusAreas: try r.member("focusAreas"),
             activityLists: try r.member("activityLists"))
    }
}

extension KommunInfo: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), lan: try r.member("lan"),
             code: try r.optionalMember("code"), seat: try r.optionalMember("seat"),
             timeZone: try r.member("timeZone"), language: try r.member("language"),
             policeArea: try r.optionalMember("policeArea"), sources: try r.member("sources"),
             secondFactor: try r.member("secondFactor"))
    }
}

extension KommunInfo.Source: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(title: try r.member("title"), url: try r.optionalMember("url"), date: try r.optionalMember("date"))
    }
}

extension SecondFactorRule: CompactReadable {}
extension Language: CompactReadable {}

extension LocalizedText: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(sv: try r.member("sv"), en: try r.optionalMember("en"))
    }
}

extension Reporter: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(organisation: try r.member("organisation"), contact: try r.optionalMember("contact"),
             source: try r.member("source"), expected: try r.member("expected"), areas: try r.member("areas"))
    }
}

extension Reporter.Source: CompactReadable {}

extension Area: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), kind: try r.member("kind"),
             scbCode: try r.optionalMember("scbCode"), location: try r.optionalMember("location"),
             boundary: try r.optionalMember("boundary"), aliases: try r.member("aliases"), areas: try r.member("areas"))
    }
}

extension Area.Kind: CompactReadable {}

extension Area.Location: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(lat: try r.member("lat"), lon: try r.member("lon"))
    }
}

extension Checklist: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(version: try r.member("version"), categories: try r.member("categories"), indicators: try r.member("indicators"))
    }
}

extension Checklist.Category: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), description: try r.optionalMember("description"))
    }
}

extension Indicator: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), category: try r.member("category"),
             description: try r.optionalMember("description"), measure: try r.member("measure"),
             scale: try r.optionalMember("scale"), weight: try r.member("weight"),
             statusLevels: try r.optionalMember("statusLevels"))
    }
}

extension Indicator.Measure: CompactReadable {}

extension Indicator.Scale: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(min: try r.member("min"), max: try r.member("max"), labels: try r.member("labels"))
    }
}

extension FocusArea: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), description: try r.optionalMember("description"),
             decidedBy: try r.optionalMember("decidedBy"), year: try r.optionalMember("year"))
    }
}

extension ActivityList: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), origin: try r.optionalMember("origin"),
             followedUpBy: try r.member("followedUpBy"), items: try r.member("items"))
    }
}

extension ActivityList.Item: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), status: try r.member("status"),
             area: try r.optionalMember("area"))
    }
}

extension ActivityList.Item.Status: CompactReadable {}
