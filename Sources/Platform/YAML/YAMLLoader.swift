/// Reads one YAML document into a `FlatDocument` (or a `Node` tree), with limits that make hostile input fail
/// fast.
///
/// Aliases are expanded (an alias shares the children of the node it names, so memory stays small) but the
/// loader counts
/// the nodes the document would have with every alias expanded and refuses a document beyond
/// `Limits.maxNodes`: a "billion laughs" file is rejected, not walked. Nesting is checked as events arrive,
/// before libyaml's own cost for deep input grows. A duplicate key in a mapping is an error; YAML 1.1
/// merge keys (`<<: *base`) are applied. Of explicit tags, `!!str` and `!` make a scalar text (`!!str` alone
/// is the empty text, `!!str 12` the text "12"), `!!map` and `!!seq` on what they name change nothing, and
/// any other tag is an error at its place, never dropped silently.
public struct YAMLLoader: Sendable {
    /// How much a document may hold.
    public struct Limits: Sendable {
        /// Largest input accepted, in bytes.
        public var maxInputBytes = 4 << 20
        /// Deepest nesting of lists and mappings, aliases included.
        public var maxDepth = 64
        /// Most nodes the document may have with every alias expanded.
        public var maxNodes = 100_000
        /// Longest scalar, in bytes.
        public var maxScalarBytes = 64 << 10

        public init() {}
    }

    /// What loading produced: a tree when the document could be read, and every problem found.
    public struct Document: Sendable {
        public var root: Node?
        public var diagnostics: [Diagnostic]
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Loads the single document in `bytes`; `file` names it in diagnostics.
    public func load(_ bytes: some Collection<UInt8>, file: String) -> Document {
        let read = read(bytes, file: file)
        return Document(root: read.document?.tree(), diagnostics: read.diagnostics)
    }

    /// Loads a string's UTF-8 bytes.
    public func load(_ text: String, file: String) -> Document {
        load(Array(text.utf8), file: file)
    }

    /// Reads the single document in `bytes` as a flat document, when it could be read, and every problem
    /// found; what `load` does without building the tree.
    func read(_ bytes: some Collection<UInt8>, file: String) -> (document: FlatDocument?, diagnostics: [Diagnostic]) {
        // Records hold offsets and marks as 32-bit numbers.
        let maxInputBytes = min(limits.maxInputBytes, Int(Int32.max))
        guard bytes.count <= maxInputBytes else {
            return (nil, [Diagnostic(file: file, mark: nil,
                                     message: "file is \(bytes.count) bytes, more than the limit of \(maxInputBytes) bytes")])
        }
        var builder = DocumentBuilder(file: file, limits: limits, inputBytes: bytes.count)
        do {
            let document = try Self.withBytes(bytes) { try builder.run(LibYAMLParser(reading: $0)) }
            return (document, builder.diagnostics)
        } catch let error as LibYAMLParser.SyntaxError {
            builder.diagnostics.append(Diagnostic(file: file, mark: error.mark, message: error.message))
        } catch let fatal as Diagnostic {
            builder.diagnostics.append(fatal)
        } catch {
            builder.diagnostics.append(Diagnostic(file: file, mark: nil, message: "\(error)"))
        }
        return (nil, builder.diagnostics)
    }

    /// Calls `body` with `bytes` in contiguous memory, in place when they are, with an address even when
    /// empty (as `LibYAMLParser` needs).
    private static func withBytes<Result>(_ bytes: some Collection<UInt8>,
                                          _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if !bytes.isEmpty, let result = try bytes.withContiguousStorageIfAvailable(body) { return result }
        let copy = bytes.isEmpty ? [0] : Array(bytes)
        return try copy.withUnsafeBufferPointer { try body(UnsafeBufferPointer(start: $0.baseAddress, count: bytes.count)) }
    }

    /// Reads a string's UTF-8 bytes as a flat document.
    func read(_ text: String, file: String) -> (document: FlatDocument?, diagnostics: [Diagnostic]) {
        read(Array(text.utf8), file: file)
    }
}

/// Builds the flat document from libyaml's events. A scalar's record is added when it is read, a list's or
/// mapping's when it closes; the records of every open list and mapping's children lie in one array,
/// innermost last, and are copied to the document's children once when their node closes. Where an open
/// node sits in the document is kept as one step from its parent, and spelled out as a path only for a
/// diagnostic.
private struct DocumentBuilder {
    typealias Record = FlatDocument.Record
    typealias Step = FlatDocument.Step

    /// A list or mapping being read.
    struct Frame {
        let isMapping: Bool
        let mark: Mark
        let anchor: String?
        /// Where it sits in its parent.
        let step: Step
        /// Where its children start in `open`.
        let start: Int
        /// The parent's `size` and `height` so far, taken up again when this frame closes.
        let parentSize: Int
        let parentHeight: Int
    }

    /// An anchored node's record and its expanded size and height.
    struct Anchored {
        var record: Int32
        var size: Int
        var height: Int
    }

    /// Above this many keys a mapping's keys are checked for duplicates by hashing rather than by search.
    private static let searchedKeys = 16

    let file: String
    let limits: YAMLLoader.Limits
    var diagnostics: [Diagnostic] = []
    private var document = FlatDocument()
    private var frames: [Frame] = []
    /// Nodes in the innermost frame's subtree so far with aliases expanded, itself included (kept here
    /// rather than in `frames`, as it changes with every node).
    private var size = 0
    /// Levels of nesting below the innermost frame so far.
    private var height = 0
    /// The children of the open frames, in document order.
    private var open: [Int32] = []
    private var anchors: [String: Anchored] = [:]
    private var totalNodes = 0
    private var root: Int32?
    private var documents = 0

    init(file: String, limits: YAMLLoader.Limits, inputBytes: Int) {
        self.file = file
        self.limits = limits
        // Room for what a file of this size usually holds (a kommun file has a node every 20 bytes or so,
        // and its scalars' text is shorter than the file), so that the arrays seldom grow.
        document.text.reserveCapacity(inputBytes)
        document.records.reserveCapacity(inputBytes / 16)
        document.children.reserveCapacity(inputBytes / 16)
    }

    mutating func run(_ parser: LibYAMLParser) throws -> FlatDocument? {
        while true {
            let (event, mark) = try parser.next()
            switch event {
            case .streamStart, .documentEnd:
                continue
            case .documentStart:
                documents += 1
                if documents > 1 {
                    throw Diagnostic(file: file, mark: mark,
                                     message: "a file holds one YAML document; found a second one here")
                }
            case .streamEnd:
                guard let root else {
                    diagnostics.append(Diagnostic(file: file, mark: mark, message: "the file is empty"))
                    return nil
                }
                document.root = root
                return document
            case .scalar:
                let bytes = parser.scalarBytes
                guard bytes.count <= limits.maxScalarBytes else {
                    throw Diagnostic(file: file, mark: mark,
                        message: "a value of \(bytes.count) bytes is longer than the limit of \(limits.maxScalarBytes)")
                }
                totalNodes += 1
                if totalNodes > limits.maxNodes { throw tooMany(at: mark) }
                // A text tag makes a plain scalar text, as quotes would: never null, a number or a boolean.
                let (anchor, tag) = parser.properties
                let isText = tag == "!!str" || tag == "!"
                if let tag, !isText { refuse(tag, at: mark) }
                let style = parser.scalarStyle
                let index = appendScalar(bytes, kind: isText && style == .plain ? .doubleQuoted : Record.Kind(style), at: mark)
                try add(index, size: 1, height: 0, anchor: anchor)
            case .sequenceStart, .mappingStart:
                let isMapping = event == .mappingStart
                let (anchor, tag) = parser.properties
                if let tag, tag != (isMapping ? "!!map" : "!!seq") { refuse(tag, at: mark) }
                if frames.count >= limits.maxDepth {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text,
                                     message: "nesting deeper than \(limits.maxDepth) levels")
                }
                totalNodes += 1
                if totalNodes > limits.maxNodes { throw tooMany(at: mark) }
                frames.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor, step: nextStep, start: open.count,
                                    parentSize: size, parentHeight: height))
                (size, height) = (1, 0)
            case .sequenceEnd:
                let start = document.children.count
                document.children.append(contentsOf: open[frames[frames.count - 1].start...])
                try close(kind: .sequence, children: start)
            case .mappingEnd:
                let start = document.children.count
                closePairs()
                try close(kind: .mapping, children: start)
            case .alias:
                let name = parser.aliasName
                guard let anchored = anchors[name] else {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text, message: "unknown anchor '*\(name)'")
                }
                if frames.count + anchored.height > limits.maxDepth {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text,
                        message: "alias '*\(name)' nests the document deeper than \(limits.maxDepth) levels")
                }
                totalNodes += anchored.size
                if totalNodes > limits.maxNodes { throw tooMany(at: mark, alias: name) }
                var record = document.records[Int(anchored.record)]
                (record.line, record.column) = Self.position(mark)
                document.records.append(record)
                try add(Int32(document.records.count - 1), size: anchored.size, height: anchored.height, anchor: nil)
            }
        }
    }

    private static func position(_ mark: Mark) -> (line: Int32, column: Int32) {
        (Int32(truncatingIfNeeded: mark.line), Int32(truncatingIfNeeded: mark.column))
    }

    /// Copies a scalar's text into the document and adds its record.
    private mutating func appendScalar(_ bytes: UnsafeBufferPointer<UInt8>, kind: Record.Kind, at mark: Mark) -> Int32 {
        let start = document.text.count
        document.text.append(contentsOf: bytes)
        let (line, column) = Self.position(mark)
        document.records.append(Record(kind: kind, isASCII: nextIsKey && FlatDocument.isASCII(bytes), line: line, column: column,
                                       start: Int32(start), count: Int32(bytes.count)))
        return Int32(document.records.count - 1)
    }

    /// Closes the innermost frame, whose children are in the document from `children` on.
    private mutating func close(kind: Record.Kind, children: Int) throws {
        let frame = frames.removeLast()
        // One by one: a node has a few children, and `removeLast()` costs less than `removeLast(_:)`.
        while open.count > frame.start { open.removeLast() }
        let (line, column) = Self.position(frame.mark)
        document.records.append(Record(kind: kind, isASCII: true, line: line, column: column,
                                       start: Int32(children), count: Int32(document.children.count - children)))
        let (closedSize, closedHeight) = (size, height + 1)
        (size, height) = (frame.parentSize, frame.parentHeight)
        try add(Int32(document.records.count - 1), size: closedSize, height: closedHeight, anchor: frame.anchor)
    }

    /// Where the node about to be added sits in the innermost frame: under the key just read, at the next
    /// index of a list, or (a key itself, or under a key that is not a scalar) where the mapping is.
    private var nextStep: Step {
        guard let frame = frames.last else { return .none }
        if frame.isMapping {
            guard !nextIsKey, let key = open.last, document.records[Int(key)].isScalar else { return .none }
            return .key(key)
        }
        return .index(Int32(open.count - frame.start))
    }

    /// Whether the node about to be added is a mapping's key: the innermost open node is a mapping with as
    /// many keys as values so far.
    private var nextIsKey: Bool {
        guard let last = frames.indices.last else { return false }
        return frames[last].isMapping && (open.count - frames[last].start) % 2 == 0
    }

    /// The path of the innermost open frame.
    private var framePath: YAMLPath {
        frames.reduce(into: .root) { $0.append(document.pathStep($1.step)) }
    }

    /// The path of the node about to be added to the innermost frame.
    private var childPath: YAMLPath {
        framePath.appending(document.pathStep(nextStep))
    }

    /// An explicit tag the platform does not read.
    private mutating func refuse(_ tag: String, at mark: Mark) {
        diagnostics.append(Diagnostic(file: file, mark: mark, path: childPath.text,
                                      message: "the YAML tag '\(tag)' is not supported (only !!str); write the value without it"))
    }

    /// The error for a document that has grown past `limits.maxNodes` (counting nodes as the document
    /// would have them with aliases expanded) at `mark`, by `alias` if it was one.
    private func tooMany(at mark: Mark, alias: String? = nil) -> Diagnostic {
        let what = alias.map { "alias '*\($0)' expands the document" } ?? "the document grows"
        return Diagnostic(file: file, mark: mark, path: childPath.text,
                          message: "\(what) beyond \(limits.maxNodes) nodes; refused (aliases may not multiply the document)")
    }

    private mutating func add(_ record: Int32, size: Int, height: Int, anchor: String?) throws {
        if let anchor { anchors[anchor] = Anchored(record: record, size: size, height: height) }
        guard !frames.isEmpty else {
            root = record
            return
        }
        open.append(record)
        self.size += size
        self.height = max(self.height, height)
    }

    /// Appends the innermost frame's children (the frame is a mapping about to close) to the document as
    /// pairs: reports duplicate keys and applies `<<` merge keys.
    private mutating func closePairs() {
        if appendDistinctPairs() { return }
        let first = document.children.count
        var merges: [Int32] = []
        var seen = SeenKeys()
        var index = frames[frames.count - 1].start
        while index + 1 < open.count {
            let key = open[index], value = open[index + 1]
            index += 2
            let record = document.records[Int(key)]
            if isMergeKey(record) {
                merges.append(value)
                continue
            }
            if record.isScalar, let earlier = mark(of: key, amongPairsFrom: first, seen: seen) {
                let text = document.string(key)
                diagnostics.append(Diagnostic(file: file, mark: record.mark, path: framePath.appending(.key(text)).text,
                                              message: "duplicate key '\(text)' (first defined at \(earlier))"))
                continue
            }
            appendPair(key, value, from: first, seen: &seen)
        }
        for merge in merges {
            let record = document.records[Int(merge)]
            let sources: [Int32]
            switch record.kind {
            case .mapping: sources = [merge]
            case .sequence: sources = Array(document.children[Int(record.start)..<Int(record.start + record.count)])
            default:
                diagnostics.append(Diagnostic(file: file, mark: record.mark, path: framePath.text,
                                              message: "a merge key '<<' takes a mapping or a list of mappings"))
                continue
            }
            for source in sources {
                let inherited = document.records[Int(source)]
                guard inherited.kind == .mapping else {
                    diagnostics.append(Diagnostic(file: file, mark: inherited.mark, path: framePath.text,
                                                  message: "a merge key '<<' takes a mapping or a list of mappings"))
                    continue
                }
                for pair in stride(from: Int(inherited.start), to: Int(inherited.start + inherited.count), by: 2) {
                    let key = document.children[pair], value = document.children[pair + 1]
                    guard document.records[Int(key)].isScalar, mark(of: key, amongPairsFrom: first, seen: seen) == nil else { continue }
                    appendPair(key, value, from: first, seen: &seen)
                }
            }
        }
    }

    /// Appends the innermost frame's children as they are, when its keys are ASCII scalars, none is `<<`
    /// and no two share a `FlatDocument.keyBit` (so no two are equal): most mappings. False, with nothing
    /// appended, otherwise.
    private mutating func appendDistinctPairs() -> Bool {
        let start = frames[frames.count - 1].start
        var bits: UInt64 = 0
        for index in stride(from: start, to: open.count, by: 2) {
            let record = document.records[Int(open[index])]
            guard record.isScalar, record.isASCII, !isMergeKey(record) else { return false }
            let bit = document.keyBit(open[index])
            guard bits & bit == 0 else { return false }
            bits |= bit
        }
        document.children.append(contentsOf: open[start...])
        return true
    }

    /// Whether a key is `<<`, by bytes: no other text is "<<" as Strings compare.
    private func isMergeKey(_ record: Record) -> Bool {
        record.kind == .plain && record.count == 2 && document.text[Int(record.start)] == UInt8(ascii: "<")
            && document.text[Int(record.start) + 1] == UInt8(ascii: "<")
    }

    /// The keys of the pairs appended to a mapping so far.
    struct SeenKeys {
        /// Each ASCII key's `FlatDocument.keyBit`: an ASCII key whose bit is not here is new when all keys
        /// are ASCII (only a non-ASCII text can equal one with other bytes).
        var bits: UInt64 = 0
        var allASCII = true
        /// The marks of the scalar keys by text, once there are more than `searchedKeys`.
        var hashed: [String: Mark]?
    }

    /// Where scalar `key`'s text is first a key among the pairs appended from `first` on: none when its bit
    /// is not in `seen`, searched while they are few, looked up in `seen.hashed` once there are many.
    private func mark(of key: Int32, amongPairsFrom first: Int, seen: SeenKeys) -> Mark? {
        if seen.allASCII, document.records[Int(key)].isASCII, seen.bits & document.keyBit(key) == 0 { return nil }
        if let hashed = seen.hashed { return hashed[document.string(key)] }
        for pair in stride(from: first, to: document.children.count, by: 2) {
            let other = document.children[pair]
            if document.records[Int(other)].isScalar, document.scalar(other, equals: key) { return document.records[Int(other)].mark }
        }
        return nil
    }

    /// Appends a pair and adds its key to `seen`, hashing the keys once there are more than `searchedKeys`.
    private mutating func appendPair(_ key: Int32, _ value: Int32, from first: Int, seen: inout SeenKeys) {
        document.children.append(key)
        document.children.append(value)
        let record = document.records[Int(key)]
        if record.isScalar, record.isASCII {
            seen.bits |= document.keyBit(key)
        } else {
            seen.allASCII = false
        }
        if seen.hashed != nil {
            if record.isScalar { seen.hashed?[document.string(key)] = record.mark }
        } else if (document.children.count - first) / 2 > Self.searchedKeys {
            var keys: [String: Mark] = [:]
            for pair in stride(from: first, to: document.children.count, by: 2) {
                let key = document.children[pair]
                if document.records[Int(key)].isScalar, keys[document.string(key)] == nil {
                    keys[document.string(key)] = document.records[Int(key)].mark
                }
            }
            seen.hashed = keys
        }
    }
}
