/// What kind of thing an id names. Bodies, roles and organisations share one namespace, since relations
/// and the feedback chain may point at any of them; every other kind has a namespace of its own.
public enum EntityKind: String, Sendable, Hashable, CaseIterable {
    case body, role, organisation, area, category, indicator, activity, escalation, focusArea, activityList, lagesbild

    /// Kinds whose ids must not collide with each other.
    var namespace: EntityKinds {
        switch self {
        case .body, .role, .organisation: [.body, .role, .organisation]
        default: [self]
        }
    }

    /// The kind's bit in `EntityKinds`.
    var bit: UInt16 {
        switch self {
        case .body: 1 << 0
        case .role: 1 << 1
        case .organisation: 1 << 2
        case .area: 1 << 3
        case .category: 1 << 4
        case .indicator: 1 << 5
        case .activity: 1 << 6
        case .escalation: 1 << 7
        case .focusArea: 1 << 8
        case .activityList: 1 << 9
        case .lagesbild: 1 << 10
        }
    }

    /// "a body", "an organisation".
    var withArticle: String { "\(DecodingContext.article(noun)) \(noun)" }

    /// The noun used in messages.
    var noun: String {
        switch self {
        case .focusArea: "focus area"
        case .activityList: "activity list"
        case .lagesbild: "lägesbild"
        default: rawValue
        }
    }
}

/// Collects every diagnostic, declared id and reference while one file is decoded, so that all problems
/// come out together and references are checked once every id is known. It holds the document decoded and
/// the paths of its values: each value is an entry (its parent's entry and one step), spelled out as text
/// only for a diagnostic.
final class DecodingContext {
    struct Declaration {
        var kind: EntityKind
        var mark: Mark
    }

    struct Reference {
        var id: String
        var kinds: EntityKinds
        var keywords: Set<String>
        var mark: Mark
        /// The entry of the reference's path.
        var path: Int32
    }

    /// One value's path: its parent's entry (-1 for the root) and the step from there.
    private struct PathEntry {
        var parent: Int32
        var step: FlatDocument.Step
    }

    /// A mapping being read (`ConfigMapping`): the pairs it found, a bit for each of the first 64; the pair
    /// after the one found last; where its keys asked for start in `asked`.
    private struct OpenMapping {
        var found: UInt64 = 0
        var next = 0
        let asked: Int

        /// Records that pair `index` of `count` was found.
        mutating func found(_ index: Int, of count: Int) {
            if index < 64 { found |= 1 << index }
            next = index + 1 == count ? 0 : index + 1
        }
    }

    let file: String
    let document: FlatDocument
    private(set) var diagnostics: [Diagnostic] = []
    // Unchecked for exclusive access: each use is one look-up, append or read.
    /// The first declaration of each id.
    @exclusivity(unchecked) private var declarations: [String: Declaration] = [:]
    /// Declarations of an id already declared in another namespace (rare), in the order made.
    @exclusivity(unchecked) private var laterDeclarations: [String: [Declaration]] = [:]
    @exclusivity(unchecked) private var references: [Reference] = []
    /// Entry 0 is the root's path.
    @exclusivity(unchecked) private var paths = [PathEntry(parent: -1, step: .none)]
    /// The innermost mapping being read (in a field of its own, as it changes with every key found), the
    /// ones around it, outermost first (the first, a mapping's slot being its depth, stands for none), and
    /// the keys they were asked for, in the order asked.
    @exclusivity(unchecked) private var innermost = OpenMapping(asked: 0)
    @exclusivity(unchecked) private var enclosing: [OpenMapping] = []
    @exclusivity(unchecked) private var asked: [StaticString] = []

    /// A context for decoding `document` (by default an empty one, for a file that could not be read).
    init(file: String, document: FlatDocument = .empty) {
        self.file = file
        self.document = document
        // About one value for each node, and an id for every 60 or so (as in the shipped files), so that
        // neither table grows often.
        paths.reserveCapacity(document.records.count)
        declarations.reserveCapacity(document.records.count / 60)
    }

    /// The document's root, to decode.
    var root: ConfigValue {
        ConfigValue(context: self, index: document.root, path: 0)
    }

    /// A new entry for the path `step` below entry `parent`.
    func pathEntry(from parent: Int32, _ step: FlatDocument.Step) -> Int32 {
        paths.append(PathEntry(parent: parent, step: step))
        return Int32(paths.count - 1)
    }

    /// Opens a mapping's state; returns its slot.
    func openMapping() -> Int {
        enclosing.append(innermost)
        innermost = OpenMapping(asked: asked.count)
        return enclosing.count
    }

    /// Whether the mapping in `slot` is the innermost open one (the one `ask` records for).
    func isInnermost(_ slot: Int) -> Bool {
        slot == enclosing.count
    }

    /// The state of the mapping in `slot`.
    private func state(_ slot: Int) -> OpenMapping {
        isInnermost(slot) ? innermost : enclosing[slot]
    }

    /// Records that the innermost open mapping was asked for `key`.
    func ask(_ key: StaticString) {
        asked.append(key)
    }

    /// The pair after the one the mapping in `slot` found last.
    func next(in slot: Int) -> Int {
        state(slot).next
    }

    /// Records that the mapping in `slot`, of `count` pairs, found pair `index`.
    func found(_ index: Int, of count: Int, in slot: Int) {
        if isInnermost(slot) {
            innermost.found(index, of: count)
        } else {
            enclosing[slot].found(index, of: count)
        }
    }

    /// The pairs the mapping in `slot` found, a bit for each of the first 64.
    func found(in slot: Int) -> UInt64 {
        state(slot).found
    }

    /// The keys the mapping in `slot` was asked for, in the order asked.
    func asked(in slot: Int) -> ArraySlice<StaticString> {
        asked[state(slot).asked...]
    }

    /// Closes the mapping in `slot` (the innermost open one) and any left open within it.
    func closeMapping(_ slot: Int) {
        // One by one: a mapping asks for a few keys, and `removeLast()` costs less than `removeLast(_:)`.
        let first = state(slot).asked
        while asked.count > first { asked.removeLast() }
        innermost = enclosing[slot - 1]
        while enclosing.count >= slot { enclosing.removeLast() }
    }

    /// The path of `entry`.
    func path(_ entry: Int32) -> YAMLPath {
        var steps: [YAMLPath.Step] = []
        var entry = entry
        while entry >= 0 {
            steps.append(document.pathStep(paths[Int(entry)].step))
            entry = paths[Int(entry)].parent
        }
        return steps.reversed().reduce(into: .root) { $0.append($1) }
    }

    func error(_ message: String, at mark: Mark, path: String) {
        diagnostics.append(Diagnostic(file: file, mark: mark, path: path, message: message))
    }

    func append(_ diagnostics: [Diagnostic]) {
        self.diagnostics += diagnostics
    }

    /// Records that `id` names a thing of `kind`; a second declaration in the same namespace is an error.
    func declare(_ id: String, kind: EntityKind, at mark: Mark, path: Int32) {
        let declaration = Declaration(kind: kind, mark: mark)
        // One hash for the common case, a first declaration; a later one puts the first back.
        guard let first = declarations.updateValue(declaration, forKey: id) else { return }
        declarations[id] = first
        let earlier = kind.namespace.contains(first.kind) ? first
            : laterDeclarations[id]?.first { kind.namespace.contains($0.kind) }
        if let earlier {
            let what = earlier.kind == kind ? "" : " (as \(earlier.kind.withArticle))"
            error("duplicate id '\(id)': already declared at \(earlier.mark)\(what)", at: mark, path: self.path(path).text)
            return
        }
        laterDeclarations[id, default: []].append(declaration)
    }

    /// Records a reference to be checked by `resolveReferences()`.
    func refer(to id: String, kinds: EntityKinds, keywords: Set<String> = [], at mark: Mark, path: Int32) {
        references.append(Reference(id: id, kinds: kinds, keywords: keywords, mark: mark, path: path))
    }

    /// Whether `id` is declared as one of `kinds`.
    func isDeclared(_ id: String, as kinds: EntityKinds) -> Bool {
        guard let first = declarations[id] else { return false }
        return kinds.contains(first.kind) || laterDeclarations[id]?.contains { kinds.contains($0.kind) } == true
    }

    /// Reports every reference to an id that is not declared, or declared as another kind.
    func resolveReferences() {
        for reference in references where !reference.keywords.contains(reference.id) {
            if isDeclared(reference.id, as: reference.kinds) { continue }
            let expected = Self.names(reference.kinds)
            if let other = declarations[reference.id] {
                error("'\(reference.id)' is \(other.kind.withArticle), but \(Self.article(expected)) \(expected) is expected here",
                      at: reference.mark, path: path(reference.path).text)
                continue
            }
            let candidates = declarations.keys.filter { isDeclared($0, as: reference.kinds) } + reference.keywords
            var message = "unknown \(expected) '\(reference.id)'"
            if let suggestion = Suggestion.nearest(to: reference.id, among: candidates) {
                message += " (did you mean '\(suggestion)'?)"
            }
            error(message, at: reference.mark, path: path(reference.path).text)
        }
        references.removeAll()
    }

    /// "a" or "an" for a noun phrase.
    static func article(_ noun: String) -> String {
        noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// "body", "body, role or organisation".
    private static func names(_ kinds: EntityKinds) -> String {
        let names = EntityKind.allCases.filter(kinds.contains).map(\.noun)
        guard let last = names.last, names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }
}
