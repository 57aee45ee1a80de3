/// A node being decoded, with its YAML path and the context that collects problems.
///
/// Reading never throws: a problem is recorded in the context and the reader returns `nil`, so decoding
/// goes on and every problem in a file is reported in one run.
struct ConfigValue {
    let node: Node
    /// The path of the node's mapping or list, and the step from there to the node: the node's own path is
    /// built only when asked for (a diagnostic, or the node's children).
    private let parent: YAMLPath
    private let step: YAMLPath.Step
    let context: DecodingContext

    init(node: Node, path: YAMLPath, context: DecodingContext) {
        self.init(node: node, parent: path, step: .none, context: context)
    }

    private init(node: Node, parent: YAMLPath, step: YAMLPath.Step, context: DecodingContext) {
        self.node = node
        self.parent = parent
        self.step = step
        self.context = context
    }

    /// `node` under `step` from this value, which is its mapping or list.
    func child(_ node: Node, at step: YAMLPath.Step) -> ConfigValue {
        ConfigValue(node: node, parent: path, step: step, context: context)
    }

    var path: YAMLPath { parent.appending(step) }

    func error(_ message: String) {
        context.error(message, at: node.mark, path: path.text)
    }

    func decode<T: ConfigDecodable>(_ type: T.Type = T.self) -> T? {
        T.decode(from: self)
    }

    /// The node as a mapping, or an error.
    func mapping() -> ConfigMapping? {
        guard case .mapping(let pairs) = node.content else {
            error("expected a mapping, found \(node.kindName)")
            return nil
        }
        return ConfigMapping(self, pairs: pairs)
    }

    /// The node's items, or an error when it is not a list.
    func items() -> [ConfigValue]? {
        guard case .sequence(let nodes) = node.content else {
            error("expected a list, found \(node.kindName)")
            return nil
        }
        let path = path
        return nodes.enumerated().map { ConfigValue(node: $1, parent: path, step: .index($0), context: context) }
    }

    /// The scalar's text, or an error when the node is not a non-null scalar.
    func text(expecting what: @autoclosure () -> String = "a text") -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error("expected \(what()), found \(node.kindName)")
            return nil
        }
        return scalar.text
    }

    /// Text that the YAML file wrote unquoted, for numbers and booleans.
    func plainText(expecting what: @autoclosure () -> String) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error("expected \(what()), found \(node.kindName)")
            return nil
        }
        guard scalar.style == .plain else {
            error("expected \(what()), found the quoted text '\(scalar.text)'")
            return nil
        }
        return scalar.text
    }
}

/// Reads a mapping's keys, remembering which were asked for so that the rest can be reported as unknown.
final class ConfigMapping {
    let value: ConfigValue
    private let pairs: [Node.Pair]
    private var known: [String] = []
    /// The pairs found by `value(_:)`, a bit for each of the first 64: when every pair was, `finish()` has
    /// nothing to report.
    private var found: UInt64 = 0

    init(_ value: ConfigValue, pairs: [Node.Pair]) {
        self.value = value
        self.pairs = pairs
        known.reserveCapacity(16)
    }

    var context: DecodingContext { value.context }
    var mark: Mark { value.node.mark }

    /// The value under `key`, or nil when the key is absent or null.
    func value(_ key: String) -> ConfigValue? {
        known.append(key)
        guard let index = pairs.firstIndex(where: { $0.key.scalar?.text == key }) else { return nil }
        if index < 64 { found |= 1 << index }
        let pair = pairs[index]
        if let scalar = pair.value.scalar, scalar.isNull { return nil }
        return value.child(pair.value, at: .key(key))
    }

    /// Whether the mapping has `key` with a non-null value; the key counts as known.
    func has(_ key: String) -> Bool {
        value(key) != nil
    }

    func optional<T: ConfigDecodable>(_ key: String, as type: T.Type = T.self) -> T? {
        value(key)?.decode(T.self)
    }

    func required<T: ConfigDecodable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let value = value(key) else {
            missing(key)
            return nil
        }
        return value.decode(T.self)
    }

    /// A list under `key`, empty when absent.
    func list<T: ConfigDecodable>(_ key: String, of type: T.Type = T.self, required: Bool = false) -> [T] {
        if required { return self.required(key, as: [T].self) ?? [] }
        return optional(key, as: [T].self) ?? []
    }

    /// The required `id` key: a valid identifier, declared as `kind`.
    func id(_ kind: EntityKind, key: String = "id") -> String? {
        guard let value = value(key) else {
            missing(key)
            return nil
        }
        guard let id = value.decode(Identifier.self)?.rawValue else { return nil }
        context.declare(id, kind: kind, at: value.node.mark, path: value.path)
        return id.isEmpty ? nil : id
    }

    /// An id under `key` that must name one of `kinds` (or be one of `keywords`); checked once all ids are known.
    func reference(_ key: String, to kinds: EntityKinds, keywords: Set<String> = [], required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        return Self.reference(value, to: kinds, keywords: keywords)
    }

    /// A list of ids under `key`, each of which must name one of `kinds`.
    func references(_ key: String, to kinds: EntityKinds) -> [String] {
        guard let items = value(key)?.items() else { return [] }
        return items.compactMap { Self.reference($0, to: kinds, keywords: []) }
    }

    private static func reference(_ value: ConfigValue, to kinds: EntityKinds, keywords: Set<String>) -> String? {
        guard let id = value.decode(Identifier.self)?.rawValue else { return nil }
        value.context.refer(to: id, kinds: kinds, keywords: keywords, at: value.node.mark, path: value.path)
        return id
    }

    /// Reports that exactly one of `keys` must be present; returns the one present, if exactly one is.
    func exactlyOne(of keys: [String]) -> String? {
        let present = keys.filter(has)
        if present.count == 1 { return present[0] }
        let list = keys.map { "'\($0)'" }.joined(separator: ", ")
        if present.isEmpty {
            value.error("expected one of \(list)")
        } else {
            value.error("give only one of \(list); found \(present.map { "'\($0)'" }.joined(separator: " and "))")
        }
        return nil
    }

    func missing(_ key: String) {
        value.error("missing required key '\(key)'")
    }

    /// Reports every key that was never asked for, with the nearest known key as a suggestion.
    func finish() {
        // Keys are unique in a mapping (the loader reports duplicates), so a pair found is a key asked for.
        if pairs.count <= 64, found == (pairs.count == 64 ? .max : (1 << pairs.count) - 1) { return }
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                context.error("a key must be a plain text, found \(pair.key.kindName)", at: pair.key.mark, path: value.path.text)
                continue
            }
            guard !known.contains(key) else { continue }
            var message = "unknown key '\(key)'"
            if let suggestion = Suggestion.nearest(to: key, among: known) {
                message += " (did you mean '\(suggestion)'?)"
            }
            context.error(message, at: pair.key.mark, path: YAMLPath.key(value.path, key).text)
        }
    }
}
