/// Reads one YAML document into a `Node` tree, with limits that make hostile input fail fast.
///
/// Aliases are expanded (a value type's copy shares storage, so memory stays small) but the loader counts
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
        guard bytes.count <= limits.maxInputBytes else {
            return Document(root: nil, diagnostics: [Diagnostic(file: file, mark: nil,
                message: "file is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes) bytes")])
        }
        var builder = TreeBuilder(file: file, limits: limits)
        do {
            let root = try builder.run(LibYAMLParser(bytes: bytes))
            return Document(root: root, diagnostics: builder.diagnostics)
        } catch let error as LibYAMLParser.SyntaxError {
            builder.diagnostics.append(Diagnostic(file: file, mark: error.mark, message: error.message))
        } catch let fatal as Diagnostic {
            builder.diagnostics.append(fatal)
        } catch {
            builder.diagnostics.append(Diagnostic(file: file, mark: nil, message: "\(error)"))
        }
        return Document(root: nil, diagnostics: builder.diagnostics)
    }

    /// Loads a string's UTF-8 bytes.
    public func load(_ text: String, file: String) -> Document {
        load(Array(text.utf8), file: file)
    }
}

/// Builds the tree from libyaml's events. The children of every open list and mapping lie in one array,
/// innermost last, and become their node's array once when it closes; where an open node sits in the
/// document is kept as one step from its parent, and spelled out as a path only for a diagnostic.
private struct TreeBuilder {
    /// A list or mapping being read.
    struct Frame {
        let isMapping: Bool
        let mark: Mark
        let anchor: String?
        /// Where it sits in its parent.
        let step: YAMLPath.Step
        /// Where its children start in `open`.
        let start: Int
        /// Nodes in this subtree with aliases expanded, itself included.
        var size = 1
        /// Levels of nesting below this node.
        var height = 0
    }

    /// An anchored subtree and its expanded size and height.
    struct Anchored {
        var node: Node
        var size: Int
        var height: Int
    }

    /// Above this many keys a mapping's keys are checked for duplicates by hashing rather than by search.
    private static let searchedKeys = 16

    let file: String
    let limits: YAMLLoader.Limits
    var diagnostics: [Diagnostic] = []
    private var frames: [Frame] = []
    /// The children of the open frames, in document order.
    private var open: [Node] = []
    private var anchors: [String: Anchored] = [:]
    private var totalNodes = 0
    private var root: Node?
    private var documents = 0

    init(file: String, limits: YAMLLoader.Limits) {
        self.file = file
        self.limits = limits
    }

    mutating func run(_ parser: LibYAMLParser) throws -> Node? {
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
                if root == nil { diagnostics.append(Diagnostic(file: file, mark: mark, message: "the file is empty")) }
                return root
            case let .scalar(text, style, anchor, tag, byteLength):
                guard byteLength <= limits.maxScalarBytes else {
                    throw Diagnostic(file: file, mark: mark,
                        message: "a value of \(byteLength) bytes is longer than the limit of \(limits.maxScalarBytes)")
                }
                try count(1, at: mark)
                // A text tag makes a plain scalar text, as quotes would: never null, a number or a boolean.
                let isText = tag == "!!str" || tag == "!"
                if let tag, !isText { refuse(tag, at: mark) }
                let node = Node(.scalar(.init(text: text, style: isText && style == .plain ? .doubleQuoted : style)), at: mark)
                try add(node, size: 1, height: 0, anchor: anchor)
            case let .sequenceStart(anchor, tag), let .mappingStart(anchor, tag):
                let isMapping = if case .mappingStart = event { true } else { false }
                if let tag, tag != (isMapping ? "!!map" : "!!seq") { refuse(tag, at: mark) }
                if frames.count >= limits.maxDepth {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text,
                                     message: "nesting deeper than \(limits.maxDepth) levels")
                }
                try count(1, at: mark)
                frames.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor, step: nextStep, start: open.count))
            case .sequenceEnd:
                let frame = frames.removeLast()
                let items = Array(open[frame.start...])
                open.removeLast(open.count - frame.start)
                try add(Node(.sequence(items), at: frame.mark), size: frame.size, height: frame.height + 1, anchor: frame.anchor)
            case .mappingEnd:
                let pairs = closingPairs()
                let frame = frames.removeLast()
                open.removeLast(open.count - frame.start)
                try add(Node(.mapping(pairs), at: frame.mark), size: frame.size, height: frame.height + 1, anchor: frame.anchor)
            case .alias(let name):
                guard let anchored = anchors[name] else {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text, message: "unknown anchor '*\(name)'")
                }
                if frames.count + anchored.height > limits.maxDepth {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text,
                        message: "alias '*\(name)' nests the document deeper than \(limits.maxDepth) levels")
                }
                try count(anchored.size, at: mark, alias: name)
                var node = anchored.node
                node.mark = mark
                try add(node, size: anchored.size, height: anchored.height, anchor: nil)
            }
        }
    }

    /// Where the node about to be added sits in the innermost frame: under the key just read, at the next
    /// index of a list, or (a key itself, or under a key that is not a scalar) where the mapping is.
    private var nextStep: YAMLPath.Step {
        guard let frame = frames.last else { return .none }
        let children = open.count - frame.start
        if frame.isMapping {
            guard children % 2 == 1, let key = open.last?.scalar?.text else { return .none }
            return .key(key)
        }
        return .index(children)
    }

    /// The path of the innermost open frame.
    private var framePath: YAMLPath {
        frames.reduce(.root) { $0.appending($1.step) }
    }

    /// The path of the node about to be added to the innermost frame.
    private var childPath: YAMLPath {
        framePath.appending(nextStep)
    }

    /// An explicit tag the platform does not read.
    private mutating func refuse(_ tag: String, at mark: Mark) {
        diagnostics.append(Diagnostic(file: file, mark: mark, path: childPath.text,
                                      message: "the YAML tag '\(tag)' is not supported (only !!str); write the value without it"))
    }

    /// Counts nodes as the document would have them with aliases expanded, and stops at the limit.
    private mutating func count(_ nodes: Int, at mark: Mark, alias: String? = nil) throws {
        totalNodes += nodes
        guard totalNodes > limits.maxNodes else { return }
        let what = alias.map { "alias '*\($0)' expands the document" } ?? "the document grows"
        throw Diagnostic(file: file, mark: mark, path: childPath.text,
                         message: "\(what) beyond \(limits.maxNodes) nodes; refused (aliases may not multiply the document)")
    }

    private mutating func add(_ node: Node, size: Int, height: Int, anchor: String?) throws {
        if let anchor { anchors[anchor] = Anchored(node: node, size: size, height: height) }
        guard !frames.isEmpty else {
            root = node
            return
        }
        open.append(node)
        frames[frames.count - 1].size += size
        frames[frames.count - 1].height = max(frames[frames.count - 1].height, height)
    }

    /// The innermost frame's children as pairs (the frame is a mapping about to close): reports duplicate
    /// keys and applies `<<` merge keys.
    private mutating func closingPairs() -> [Node.Pair] {
        let start = frames[frames.count - 1].start
        var pairs: [Node.Pair] = []
        pairs.reserveCapacity((open.count - start) / 2)
        var merges: [Node] = []
        var hashed: [String: Mark]?
        var index = start
        while index + 1 < open.count {
            let pair = Node.Pair(key: open[index], value: open[index + 1])
            index += 2
            if let key = pair.key.scalar, key.style == .plain, key.text == "<<" {
                merges.append(pair.value)
                continue
            }
            if let key = pair.key.scalar?.text {
                if let first = Self.mark(of: key, in: pairs, hashed: hashed) {
                    diagnostics.append(Diagnostic(file: file, mark: pair.key.mark, path: framePath.appending(.key(key)).text,
                                                  message: "duplicate key '\(key)' (first defined at \(first))"))
                    continue
                }
            }
            Self.append(pair, to: &pairs, hashed: &hashed)
        }
        for merge in merges {
            let sources: [Node]
            switch merge.content {
            case .mapping: sources = [merge]
            case .sequence(let items): sources = items
            case .scalar:
                diagnostics.append(Diagnostic(file: file, mark: merge.mark, path: framePath.text,
                                              message: "a merge key '<<' takes a mapping or a list of mappings"))
                continue
            }
            for source in sources {
                guard case .mapping(let inherited) = source.content else {
                    diagnostics.append(Diagnostic(file: file, mark: source.mark, path: framePath.text,
                                                  message: "a merge key '<<' takes a mapping or a list of mappings"))
                    continue
                }
                for pair in inherited {
                    guard let key = pair.key.scalar?.text, Self.mark(of: key, in: pairs, hashed: hashed) == nil else { continue }
                    Self.append(pair, to: &pairs, hashed: &hashed)
                }
            }
        }
        return pairs
    }

    /// Where `key` is first defined among `pairs`: searched while they are few, looked up in `hashed` (the
    /// marks of their text keys) once there are many.
    private static func mark(of key: String, in pairs: [Node.Pair], hashed: [String: Mark]?) -> Mark? {
        if let hashed { return hashed[key] }
        return pairs.first { $0.key.scalar?.text == key }?.key.mark
    }

    /// Appends `pair`, hashing the keys once there are more than `searchedKeys`.
    private static func append(_ pair: Node.Pair, to pairs: inout [Node.Pair], hashed: inout [String: Mark]?) {
        pairs.append(pair)
        if hashed != nil {
            if let key = pair.key.scalar?.text { hashed?[key] = pair.key.mark }
        } else if pairs.count > searchedKeys {
            hashed = Dictionary(pairs.compactMap { pair in pair.key.scalar.map { ($0.text, pair.key.mark) } },
                                uniquingKeysWith: { first, _ in first })
        }
    }
}
