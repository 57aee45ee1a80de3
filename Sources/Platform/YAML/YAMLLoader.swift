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

/// Builds the tree from libyaml's events. Open lists and mappings are reference-typed frames, so appending
/// to the innermost one never copies the frames around it.
private struct TreeBuilder {
    /// A list or mapping being read.
    final class Frame {
        let isMapping: Bool
        let mark: Mark
        let anchor: String?
        let path: YAMLPath
        var children: [Node] = []
        /// Nodes in this subtree with aliases expanded, itself included.
        var size = 1
        /// Levels of nesting below this node.
        var height = 0

        init(isMapping: Bool, mark: Mark, anchor: String?, path: YAMLPath) {
            self.isMapping = isMapping
            self.mark = mark
            self.anchor = anchor
            self.path = path
        }
    }

    /// An anchored subtree and its expanded size and height.
    struct Anchored {
        var node: Node
        var size: Int
        var height: Int
    }

    let file: String
    let limits: YAMLLoader.Limits
    var diagnostics: [Diagnostic] = []
    private var stack: [Frame] = []
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
                if stack.count >= limits.maxDepth {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text,
                                     message: "nesting deeper than \(limits.maxDepth) levels")
                }
                try count(1, at: mark)
                stack.append(Frame(isMapping: isMapping, mark: mark, anchor: anchor, path: childPath))
            case .sequenceEnd:
                let frame = stack.removeLast()
                try add(Node(.sequence(frame.children), at: frame.mark),
                        size: frame.size, height: frame.height + 1, anchor: frame.anchor)
            case .mappingEnd:
                let frame = stack.removeLast()
                try add(Node(.mapping(pairs(of: frame)), at: frame.mark),
                        size: frame.size, height: frame.height + 1, anchor: frame.anchor)
            case .alias(let name):
                guard let anchored = anchors[name] else {
                    throw Diagnostic(file: file, mark: mark, path: childPath.text, message: "unknown anchor '*\(name)'")
                }
                if stack.count + anchored.height > limits.maxDepth {
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

    /// The path of the node about to be added to the innermost frame.
    private var childPath: YAMLPath {
        guard let frame = stack.last else { return .root }
        if frame.isMapping {
            guard frame.children.count % 2 == 1, let key = frame.children.last?.scalar?.text else { return frame.path }
            return .key(frame.path, key)
        }
        return .index(frame.path, frame.children.count)
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
        guard let frame = stack.last else {
            root = node
            return
        }
        frame.children.append(node)
        frame.size += size
        frame.height = max(frame.height, height)
    }

    /// Pairs a mapping's children, reports duplicate keys and applies `<<` merge keys.
    private mutating func pairs(of frame: Frame) -> [Node.Pair] {
        var pairs: [Node.Pair] = []
        var merges: [Node] = []
        var seen: [String: Mark] = [:]
        var index = 0
        while index + 1 < frame.children.count {
            let pair = Node.Pair(key: frame.children[index], value: frame.children[index + 1])
            index += 2
            if let key = pair.key.scalar, key.style == .plain, key.text == "<<" {
                merges.append(pair.value)
                continue
            }
            if let key = pair.key.scalar?.text {
                if let first = seen[key] {
                    diagnostics.append(Diagnostic(file: file, mark: pair.key.mark, path: YAMLPath.key(frame.path, key).text,
                                                  message: "duplicate key '\(key)' (first defined at \(first))"))
                    continue
                }
                seen[key] = pair.key.mark
            }
            pairs.append(pair)
        }
        for merge in merges {
            let sources: [Node]
            switch merge.content {
            case .mapping: sources = [merge]
            case .sequence(let items): sources = items
            case .scalar:
                diagnostics.append(Diagnostic(file: file, mark: merge.mark, path: frame.path.text,
                                              message: "a merge key '<<' takes a mapping or a list of mappings"))
                continue
            }
            for source in sources {
                guard case .mapping(let inherited) = source.content else {
                    diagnostics.append(Diagnostic(file: file, mark: source.mark, path: frame.path.text,
                                                  message: "a merge key '<<' takes a mapping or a list of mappings"))
                    continue
                }
                for pair in inherited {
                    guard let key = pair.key.scalar?.text, seen[key] == nil else { continue }
                    seen[key] = pair.key.mark
                    pairs.append(pair)
                }
            }
        }
        return pairs
    }
}
