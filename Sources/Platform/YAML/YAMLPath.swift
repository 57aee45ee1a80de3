/// Where a node sits in a YAML document (`organisation.bodies[2].members[0]`), spelled out only when a
/// diagnostic needs it: almost every node is read without a problem, and building each one's path as
/// text was a measurable part of reading a file.
indirect enum YAMLPath {
    case root
    case key(YAMLPath, String)
    case index(YAMLPath, Int)

    /// One step down from a node, kept without building the path it leads to.
    enum Step {
        /// No step: the same path (a mapping's key, or a value under a key that is not a scalar).
        case none
        case key(String)
        case index(Int)
    }

    /// This path followed by `step`.
    func appending(_ step: Step) -> YAMLPath {
        switch step {
        case .none: self
        case .key(let key): .key(self, key)
        case .index(let index): .index(self, index)
        }
    }

    /// `organisation.bodies[2].members[0]`; empty for the root.
    var text: String {
        switch self {
        case .root:
            return ""
        case .key(let parent, let key):
            let prefix = parent.text
            return prefix.isEmpty ? key : "\(prefix).\(key)"
        case .index(let parent, let index):
            return "\(parent.text)[\(index)]"
        }
    }
}
