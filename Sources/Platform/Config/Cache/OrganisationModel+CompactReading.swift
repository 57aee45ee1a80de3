// The readers of the kommun's organisations, roles, bodies and escalations, from the configuration cache.
// Written by hand for speed; see `CompactReadable`.

extension Organisation: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), kind: try r.member("kind"),
             partOf: try r.optionalMember("partOf"))
    }
}

extension Organisation.Kind: CompactReadable {}

extension OrganisationModel: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(coordination: try r.optionalMember("coordination"), roles: try r.member("roles"),
             bodies: try r.member("bodies"))
    }
}

extension OrganisationModel.Coordination: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(responsible: try r.optionalMember("responsible"),
             description: try r.optionalMember("description"), roles: try r.member("roles"))
    }
}

extension OrganisationModel.Role: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), title: try r.member("title"),
             organisation: try r.optionalMember("organisation"),
             description: try r.optionalMember("description"))
    }
}

extension Body: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), shortName: try r.optionalMember("shortName"),
             kind: try r.member("kind"), purpose: try r.optionalMember("purpose"), tasks: try r.member("tasks"),
             members: try r.member("members"), relations: try r.member("relations"),
             cadence: try r.optionalMember("cadence"), area: try r.optionalMember("area"), notes: try r.optionalMember("notes"))
    }
}

extension Body.Kind: CompactReadable {}

extension Member: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(role: try r.member("role"), organisation: try r.optionalMember("organisation"),
             isChair: try r.member("isChair"), isConvener: try r.member("isConvener"),
             attendance: try r.member("attendance"), count: try r.optionalMember("count"))
    }
}

extension Member.Attendance: CompactReadable {}

extension Relation: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(kind: try r.member("kind"), target: try r.member("target"), about: try r.optionalMember("about"))
    }
}

extension Relation.Kind: CompactReadable {}

extension Escalation: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(id: try r.member("id"), name: try r.member("name"), description: try r.optionalMember("description"),
             changes: try r.member("changes"))
    }
}

extension Escalation.Change: CompactObject {
    static func read(members r: inout CompactBinaryReader) throws -> Self {
        Self(target: try r.member("target"), cadence: try r.member("cadence"), note: try r.optionalMember("note"))
    }
}
