/// A node being decoded, with where it sits in the document and the context that collects problems.
///
/// Reading never throws: a problem is recorded in the context and the reader returns `nil`, so decoding
/// goes on and every problem in a file is reported in one run.
struct ConfigValue {
    let context: DecodingContext
    /// The node's record in the context's document.
    let index: Int32
    /// The node's entry in the context's table of paths: its path is spelled out only for a diagnostic.
    let path: Int32

    /// The node, read as a `Node` is.
    var node: FlatNode { FlatNode(context.document, index) }

    private var record: FlatDocument.Record { context.document.records[Int(index)] }

    /// Where the node starts.
    var mark: Mark { record.mark }

    /// Node `index` under `step` from this value, which is its mapping or list.
    func child(_ index: Int32, at step: FlatDocument.Step) -> ConfigValue {
        ConfigValue(context: context, index: index, path: context.pathEntry(from: path, step))
    }

    func error(_ message: String) {
        context.error(message, at: record.mark, path: context.path(path).text)
    }

    func decode<T: ConfigDecodable>(_ type: T.Type = T.self) -> T? {
        T.decode(from: self)
    }

    /// The node as a mapping, or an error.
    func mapping() -> ConfigMapping? {
        guard record.kind == .mapping else {
            error("expected a mapping, found \(context.document.kindName(index))")
            return nil
        }
        return ConfigMapping(self)
    }

    /// The node's items, or an error when it is not a list.
    func items() -> ConfigItems? {
        guard record.kind == .sequence else {
            error("expected a list, found \(context.document.kindName(index))")
            return nil
        }
        return ConfigItems(self)
    }

    /// The scalar's text, or an error when the node is not a non-null scalar.
    func text(expecting what: @autoclosure () -> String = "a text") -> String? {
        isText(expecting: what()) ? context.document.string(index) : nil
    }

    /// Whether the node is a non-null scalar.
    private var isNonNullScalar: Bool {
        record.isScalar && !context.document.isNull(index)
    }

    /// Whether the node is a non-null scalar; an error when it is not.
    private func isText(expecting what: @autoclosure () -> String) -> Bool {
        guard isNonNullScalar else {
            error("expected \(what()), found \(context.document.kindName(index))")
            return false
        }
        return true
    }

    /// Calls `read` with the scalar's bytes when the node is a non-null scalar; nil, with no error, otherwise.
    /// For readers that can match a value without making a String of it.
    func scalarBytes<Result>(_ read: (UnsafeBufferPointer<UInt8>) -> Result?) -> Result? {
        isNonNullScalar ? context.document.withBytes(index, read) : nil
    }

    /// A scalar the YAML file wrote unquoted (a number, a boolean), read from its bytes by `parse` without
    /// making a String; an error when the node is not one, or "expected `what`, found '…'" when `parse`
    /// returns nil.
    func parsePlain<Result>(expecting what: @autoclosure () -> String,
                            _ parse: (UnsafeBufferPointer<UInt8>) -> Result?) -> Result? {
        guard isPlainScalar(expecting: what()) else { return nil }
        if let result = context.document.withBytes(index, parse) { return result }
        error("expected \(what()), found '\(context.document.string(index))'")
        return nil
    }

    /// Whether the node is a non-null scalar the YAML file wrote unquoted; an error otherwise.
    private func isPlainScalar(expecting what: @autoclosure () -> String) -> Bool {
        guard isText(expecting: what()) else { return false }
        guard record.kind == .plain else {
            error("expected \(what()), found the quoted text '\(context.document.string(index))'")
            return false
        }
        return true
    }
}

/// Reads a mapping's keys, remembering which were asked for so that the rest can be reported as unknown.
/// A plain value: what changes as keys are asked for (the keys asked, the pairs found) lives in the
/// context's open mapping `slot`, so a mapping costs no allocation of its own. Mappings are finished in the
/// reverse order of their making (a mapping read within another is finished first), as decoding nests.
struct ConfigMapping {
    let value: ConfigValue
    /// The mapping's entry among the context's open mappings.
    private let slot: Int
    /// The mapping's first key in the document's children (its values follow their keys).
    private let first: Int
    private let count: Int
    /// Each key's `FlatDocument.keyBit` (all bits when a key is not ASCII): a key asked for whose bit is not
    /// here is absent without a search. Types ask for many keys a mapping does not have.
    private let keyBits: UInt64

    /// `value`, a mapping.
    init(_ value: ConfigValue) {
        self.value = value
        let document = value.context.document
        let record = document.records[Int(value.index)]
        let first = Int(record.start), count = Int(record.count) / 2
        self.first = first
        self.count = count
        var keyBits: UInt64 = 0
        for index in 0..<count {
            let key = document.children[first + 2 * index]
            guard document.records[Int(key)].isScalar else { continue }
            guard document.records[Int(key)].isASCII else {
                keyBits = .max
                break
            }
            keyBits |= document.keyBit(key)
        }
        self.keyBits = keyBits
        slot = value.context.openMapping()
    }

    var context: DecodingContext { value.context }
    private var document: FlatDocument { value.context.document }

    /// The value under `key`, or nil when the key is absent or null. Keys are literals (`StaticString`):
    /// their bytes are at hand, and the keys asked are kept without reference counting.
    func value(_ key: StaticString) -> ConfigValue? {
        assert(context.isInnermost(slot), "a mapping is asked for a key while one read within it is open")
        context.ask(key)
        guard let index = pairIndex(key) else { return nil }
        context.found(index, of: count, in: slot)
        let keyNode = document.children[first + 2 * index]
        let node = document.children[first + 2 * index + 1]
        if document.isNull(node) { return nil }
        return value.child(node, at: .key(keyNode))
    }

    /// The pair whose key is the scalar `key`, as Strings compare. Keys are unique (the loader reports
    /// duplicates), so the search may start anywhere: it starts after the pair found last, since types ask
    /// for their keys mostly in the order files write them.
    private func pairIndex(_ key: StaticString) -> Int? {
        key.withUTF8Buffer { bytes in
            let isASCII = key.isASCII
            if isASCII, keyBits & FlatDocument.keyBit(of: bytes) == 0 { return nil }
            var index = context.next(in: slot)
            for _ in 0..<count {
                let node = document.children[first + 2 * index]
                if document.records[Int(node)].isScalar, document.scalar(node, equals: bytes, otherIsASCII: isASCII) {
                    return index
                }
                index = index + 1 == count ? 0 : index + 1
            }
            return nil
        }
    }

    /// Whether the mapping has `key` with a non-null value; the key counts as known.
    func has(_ key: StaticString) -> Bool {
        value(key) != nil
    }

    func optional<T: ConfigDecodable>(_ key: StaticString, as type: T.Type = T.self) -> T? {
        value(key)?.decode(T.self)
    }

    func required<T: ConfigDecodable>(_ key: StaticString, as type: T.Type = T.self) -> T? {
        guard let value = value(key) else {
            missing(key)
            return nil
        }
        return value.decode(T.self)
    }

    /// A list under `key`, empty when absent.
    func list<T: ConfigDecodable>(_ key: StaticString, of type: T.Type = T.self, required: Bool = false) -> [T] {
        if required { return self.required(key, as: [T].self) ?? [] }
        return optional(key, as: [T].self) ?? []
    }

    /// The required `id` key: a valid identifier, declared as `kind`.
    func id(_ kind: EntityKind, key: StaticString = "id") -> String? {
        guard let value = value(key) else {
            missing(key)
            return nil
        }
        guard let id = value.decode(Identifier.self)?.rawValue else { return nil }
        context.declare(id, kind: kind, at: value.mark, path: value.path)
        return id.isEmpty ? nil : id
    }

    /// An id under `key` that must name one of `kinds` (or be one of `keywords`); checked once all ids are known.
    func reference(_ key: StaticString, to kinds: EntityKinds, keywords: Set<String> = [], required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        return Self.reference(value, to: kinds, keywords: keywords)
    }

    /// A list of ids under `key`, each of which must name one of `kinds`.
    func references(_ key: StaticString, to kinds: EntityKinds) -> [String] {
        guard let items = value(key)?.items() else { return [] }
        return items.compactMap { Self.reference($0, to: kinds, keywords: []) }
    }

    private static func reference(_ value: ConfigValue, to kinds: EntityKinds, keywords: Set<String>) -> String? {
        guard let id = value.decode(Identifier.self)?.rawValue else { return nil }
        value.context.refer(to: id, kinds: kinds, keywords: keywords, at: value.mark, path: value.path)
        return id
    }

    /// Reports that exactly one of `keys` must be present; returns the one present, if exactly one is.
    func exactlyOne(of keys: [StaticString]) -> String? {
        let present = keys.filter(has).map(\.description)
        if present.count == 1 { return present[0] }
        let list = keys.map { "'\($0)'" }.joined(separator: ", ")
        if present.isEmpty {
            value.error("expected one of \(list)")
        } else {
            value.error("give only one of \(list); found \(present.map { "'\($0)'" }.joined(separator: " and "))")
        }
        return nil
    }

    func missing(_ key: StaticString) {
        value.error("missing required key '\(key)'")
    }

    /// Reports every key that was never asked for, with the nearest known key as a suggestion; the mapping
    /// is closed.
    func finish() {
        defer { context.closeMapping(slot) }
        // Keys are unique in a mapping (the loader reports duplicates), so a pair found is a key asked for.
        if count <= 64, context.found(in: slot) == (count == 64 ? .max : (1 << count) - 1) { return }
        let known = context.asked(in: slot).map(\.description)
        for index in 0..<count {
            let node = document.children[first + 2 * index]
            let mark = document.records[Int(node)].mark
            guard document.records[Int(node)].isScalar else {
                context.error("a key must be a plain text, found \(document.kindName(node))", at: mark, path: context.path(value.path).text)
                continue
            }
            let key = document.string(node)
            guard !known.contains(key) else { continue }
            var message = "unknown key '\(key)'"
            if let suggestion = Suggestion.nearest(to: key, among: known) {
                message += " (did you mean '\(suggestion)'?)"
            }
            context.error(message, at: mark, path: context.path(value.path).appending(.key(key)).text)
        }
    }
}
