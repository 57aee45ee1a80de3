internal import CYaml

/// The one owner of a libyaml parser: it keeps the input bytes alive for the parser's lifetime and frees
/// both in `deinit`. It turns libyaml's events into Swift values; everything else lives in `YAMLLoader`.
final class LibYAMLParser {
    /// One libyaml event, with its strings copied out of C memory.
    enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        /// `tag` is the explicit tag as written (`!!str`, `!`, `!custom`), or nil.
        case scalar(text: String, style: Node.Scalar.Style, anchor: String?, tag: String?, byteLength: Int)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
        case alias(anchor: String)
    }

    /// libyaml's own complaint about the input: a syntax error.
    struct SyntaxError: Error {
        var message: String
        var mark: Mark
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>

    init(bytes: some Collection<UInt8>) {
        // libyaml keeps the pointer it is given, so the bytes must live as long as the parser: copy them
        // into memory this object owns.
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event and where it starts.
    func next() throws(SyntaxError) -> (Event, Mark) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, mark)
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let length = Int(scalar.length)
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: length), as: UTF8.self)
            return (.scalar(text: text, style: Self.style(scalar.style), anchor: Self.string(scalar.anchor),
                            tag: Self.tag(scalar.tag), byteLength: length), mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return (.sequenceStart(anchor: Self.string(start.anchor), tag: Self.tag(start.tag)), mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return (.mappingStart(anchor: Self.string(start.anchor), tag: Self.tag(start.tag)), mark)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, mark)
        case YAML_ALIAS_EVENT: return (.alias(anchor: Self.string(event.data.alias.anchor) ?? ""), mark)
        default: throw SyntaxError(message: "unexpected YAML event", mark: mark)
        }
    }

    private func syntaxError() -> SyntaxError {
        let p = parser.pointee
        var message = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let context = p.context.map({ String(cString: $0) }) {
            let contextMark = Mark(line: Int(p.context_mark.line) + 1, column: Int(p.context_mark.column) + 1)
            message += " \(context) at \(contextMark)"
        }
        return SyntaxError(message: message,
                           mark: Mark(line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// libyaml's resolved tag in the short form people write: `tag:yaml.org,2002:str` as `!!str`.
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let tag = string(pointer) else { return nil }
        let core = "tag:yaml.org,2002:"
        return tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
    }

    private static func style(_ style: yaml_scalar_style_t) -> Node.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
