/// A list's items as values, each made when it is read: decoding a list allocates only the list it makes.
struct ConfigItems: RandomAccessCollection {
    /// The list.
    let list: ConfigValue
    /// The list's first item in the document's children.
    private let first: Int
    let endIndex: Int

    /// `list`, a list.
    init(_ list: ConfigValue) {
        self.list = list
        let record = list.context.document.records[Int(list.index)]
        first = Int(record.start)
        endIndex = Int(record.count)
    }

    var startIndex: Int { 0 }

    /// Item `position`, with a path entry of its own.
    subscript(position: Int) -> ConfigValue {
        list.child(list.context.document.children[first + position], at: .index(Int32(position)))
    }
}
