import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a well-formed XML (or XHTML-like) fragment read with Foundation's `XMLParser`, a parser
/// independent of the code that wrote it: its name, attributes, children and text.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTree] = []
    /// All text inside the element, its children's included, in document order.
    private(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The fragment's root element; nil with the parser's error when it is not well-formed.
    static func parse(_ fragment: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(fragment.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(description: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// This element and every element below it, in document order.
    var all: [XMLTree] { [self] + children.flatMap(\.all) }

    /// Every element below this one (and itself) named `name`.
    func elements(_ name: String) -> [XMLTree] { all.filter { $0.name == name } }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        private var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = XMLTree(name: elementName, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for element in stack { element.text += string }
        }
    }
}
