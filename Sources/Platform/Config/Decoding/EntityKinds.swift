/// Kinds an id may name, as bits: every reference writes its kinds as a literal (`[.area]`), which must
/// cost nothing to make.
struct EntityKinds: ExpressibleByArrayLiteral, Sendable {
    private var bits: UInt16 = 0

    init(arrayLiteral kinds: EntityKind...) {
        for kind in kinds { bits |= kind.bit }
    }

    func contains(_ kind: EntityKind) -> Bool {
        bits & kind.bit != 0
    }
}
