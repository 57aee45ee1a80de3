/// Where a node sits in a YAML document (`organisation.bodies[2].members[0]`), spelled out only when a
/// diagnostic needs it: almost every node is read without a problem, so readers keep the steps to a node
/// (the loader's open lists and mappings, the decoder's table of values) and make its path from them.
struct YAMLPath {
    /// One step down from a node.
    enum Step {
        /// No step: the same path (a mapping's key, or a value under a key that is not a scalar).
        case none
        case key(String)
        case index(Int)
    }

    /// `organisation.bodies[2].members[0]`; empty for the root.
    private(set) var text = ""

    /// The path of the document's root.
    static let root = YAMLPath()

    /// Follows `step`.
    mutating func append(_ step: Step) {
        switch step {
        case .none: break
        case .key(let key): text = text.isEmpty ? key : "\(text).\(key)"
        case .index(let index): text += "[\(index)]"
        }
    }

    /// This path followed by `step`.
    func appending(_ step: Step) -> YAMLPath {
        var path = self
        path.append(step)
        return path
    }
}
