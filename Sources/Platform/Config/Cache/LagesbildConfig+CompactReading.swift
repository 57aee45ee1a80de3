// The readers of how a lägesbild is made: its period, feedback chain, priorities and status rules, from the
// configuration cache. Written by hand for speed; see `CompactReadable`.

extension LagesbildConfig: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.optionalMember("id"), name: try r.optionalMember("name"), area: try r.optionalMember("area"),
             period: try r.member("period"), compiledBy: try r.member("compiledBy"),
             analysedBy: try r.optionalMember("analysedBy"), readBy: try r.optionalMember("readBy"),
             channel: try r.optionalMember("channel"), steps: try r.member("steps"),
             feedback: try r.member("feedback"), priorities: try r.optionalMember("priorities"),
             status: try r.member("status"))
    }
}

extension LagesbildConfig.FeedbackStep: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(from: try r.member("from"), to: try r.member("to"), about: try r.optionalMember("about"))
    }
}

extension LagesbildConfig.Priorities: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(period: try r.member("period"), areas: try r.member("areas"),
             proposedBy: try r.optionalMember("proposedBy"), decidedBy: try r.optionalMember("decidedBy"),
             weights: try r.member("weights"))
    }
}

extension LagesbildConfig.Priorities.Weights: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(volume: try r.member("volume"), trend: try r.member("trend"),
             severity: try r.member("severity"))
    }
}

/// A kind is read only when it is one `Period.Kind` makes (`known(unit:length:phase:)`).
extension Period.Kind: CompactReadable {
    init(compact reader: inout CompactBinaryReader) throws {
        let (unit, length, phase) = try reader.object { r in
            (try r.member("unit") as Unit, try r.member("length") as Int, try r.member("phase") as Int)
        }
        guard let kind = Self.known(unit: unit, length: length, phase: phase) else { throw CompactBinary.Corrupt("not a kind of period") }
        self = kind
    }
}

/// As synthesized `Codable` writes an enum case without associated values: one member named by the case,
/// holding an empty keyed container.
extension Period.Kind.Unit: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        let unit: Self
        if r.takeKey("week") { unit = .week }
        else if r.takeKey("month") { unit = .month }
        else { throw CompactBinary.Corrupt("not a Period.Kind.Unit") }
        try r.object { _ in }
        return unit
    }
}

extension StatusRules: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(yellow: try r.member("yellow"), orange: try r.member("orange"), red: try r.member("red"),
             scale: try r.member("scale"), levels: try r.optionalMember("levels"), areas: try r.member("areas"))
    }
}

extension StatusRules.Threshold: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(ratio: try r.member("ratio"), minExcess: try r.member("minExcess"))
    }
}

extension StatusRules.Level: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(name: try r.optionalMember("name"), colour: try r.optionalMember("colour"))
    }
}

extension StatusRules.Thresholds: CompactReadable, CompactObject where Value: CompactReadable {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(yellow: try r.optionalMember("yellow"), orange: try r.optionalMember("orange"),
             red: try r.optionalMember("red"))
    }
}

extension StatusRules.AreaRules: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(worstCell: try r.member("worstCell"), rules: try r.member("rules"),
             score: try r.optionalMember("score"))
    }
}

extension StatusRules.AreaRules.Rule: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(status: try r.member("status"), yellow: try r.optionalMember("yellow"),
             orange: try r.optionalMember("orange"), red: try r.optionalMember("red"))
    }
}

extension Lagesbild.Status: CompactReadable {}
