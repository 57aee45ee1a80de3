/// One node of a `FlatDocument`, read the way a `Node` is (`content`, `scalar`, `pairs`, `items`, `mark`,
/// `kindName`) without building one: its children are views too, and a scalar's text is made on request.
struct FlatNode {
    /// What a node holds.
    enum Content {
        case scalar(Scalar)
        case sequence(Items)
        case mapping(Pairs)
    }

    /// A scalar's text and how it was written.
    struct Scalar {
        let node: FlatNode

        var text: String { node.document.string(node.index) }
        var style: Node.Scalar.Style { node.record.kind.style }
        /// True for a plain `~`, `null` or empty scalar.
        var isNull: Bool { node.document.isNull(node.index) }
    }

    /// A list's items (or a mapping's keys and values, alternately).
    struct Items: RandomAccessCollection {
        let document: FlatDocument
        let startIndex = 0
        let endIndex: Int
        private let first: Int

        init(_ node: FlatNode) {
            document = node.document
            first = Int(node.record.start)
            endIndex = Int(node.record.count)
        }

        subscript(position: Int) -> FlatNode {
            FlatNode(document, document.children[first + position])
        }
    }

    /// One key and its value in a mapping.
    struct Pair {
        let key: FlatNode
        let value: FlatNode
    }

    /// A mapping's pairs, in document order.
    struct Pairs: RandomAccessCollection {
        /// The keys and values, alternately.
        private let nodes: Items

        init(_ node: FlatNode) {
            nodes = Items(node)
        }

        var startIndex: Int { 0 }
        var endIndex: Int { nodes.count / 2 }

        subscript(position: Int) -> Pair {
            Pair(key: nodes[2 * position], value: nodes[2 * position + 1])
        }
    }

    let document: FlatDocument
    let index: Int32

    init(_ document: FlatDocument, _ index: Int32) {
        self.document = document
        self.index = index
    }

    var record: FlatDocument.Record { document.records[Int(index)] }

    var content: Content {
        switch record.kind {
        case .sequence: .sequence(Items(self))
        case .mapping: .mapping(Pairs(self))
        default: .scalar(Scalar(node: self))
        }
    }

    /// Where the node starts.
    var mark: Mark { record.mark }

    /// The scalar, if this node is one.
    var scalar: Scalar? { record.isScalar ? Scalar(node: self) : nil }

    /// The pairs, if this node is a mapping.
    var pairs: Pairs? { record.kind == .mapping ? Pairs(self) : nil }

    /// The items, if this node is a list.
    var items: Items? { record.kind == .sequence ? Items(self) : nil }

    /// A short name for the node's kind, for error messages.
    var kindName: String { document.kindName(index) }
}

extension FlatDocument.Record.Kind {
    /// A scalar's style (`.plain` for a list or mapping, which have none).
    var style: Node.Scalar.Style {
        switch self {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        case .plain, .sequence, .mapping: .plain
        }
    }

    init(_ style: Node.Scalar.Style) {
        switch style {
        case .plain: self = .plain
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        }
    }
}
