/// A YAML node with the position it was read from.
///
/// Scalars keep their text exactly as written, untyped: whether `no` is a string or a boolean is decided
/// by the schema that reads it, never by the loader (so YAML 1.1's surprises cannot bite).
public struct Node: Sendable, Equatable {
    /// What a node holds.
    public enum Content: Sendable, Equatable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    /// One key and its value in a mapping, in document order.
    public struct Pair: Sendable, Equatable {
        public var key: Node
        public var value: Node
    }

    /// A scalar's text and how it was written.
    public struct Scalar: Sendable, Equatable {
        /// How a scalar was written; only plain scalars can be null, booleans or numbers.
        public enum Style: Sendable, Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        public var text: String
        public var style: Style

        /// True for a plain `~`, `null` or empty scalar.
        public var isNull: Bool {
            guard style == .plain else { return false }
            // By length first: this is asked of every value read.
            switch text.utf8.count {
            case 0: return true
            case 1: return text == "~"
            case 4: return text == "null" || text == "Null" || text == "NULL"
            default: return false
            }
        }
    }

    public var content: Content
    /// Where the node starts.
    public var mark: Mark

    public init(_ content: Content, at mark: Mark) {
        self.content = content
        self.mark = mark
    }

    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items, if this node is a list.
    public var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// A short name for the node's kind, for error messages.
    public var kindName: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
