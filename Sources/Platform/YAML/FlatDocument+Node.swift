extension FlatDocument {
    /// The document as a tree of `Node`s, for readers that walk a whole small file (intervention files,
    /// tests). Each record becomes one node, once: the nodes an alias shares are shared in the tree too.
    func tree() -> Node {
        var made = [Node?](repeating: nil, count: records.count)
        return node(root, made: &made)
    }

    private func node(_ index: Int32, made: inout [Node?]) -> Node {
        if let done = made[Int(index)] { return done }
        let record = records[Int(index)]
        let content: Node.Content
        if record.isScalar {
            content = .scalar(Node.Scalar(text: string(index), style: record.kind.style))
        } else {
            let children = children[Int(record.start)..<Int(record.start + record.count)]
            if record.kind == .sequence {
                content = .sequence(children.map { node($0, made: &made) })
            } else {
                content = .mapping(stride(from: children.startIndex, to: children.endIndex, by: 2).map {
                    Node.Pair(key: node(children[$0], made: &made), value: node(children[$0 + 1], made: &made))
                })
            }
        }
        let result = Node(content, at: record.mark)
        made[Int(index)] = result
        return result
    }
}
