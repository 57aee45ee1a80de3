internal import CYaml

/// The one owner of a libyaml parser: it keeps the input bytes alive for the parser's lifetime and frees
/// both in `deinit`. It hands out libyaml's events one at a time, reading their scalars, anchors and tags
/// in place: a scalar's bytes are copied once, by the reader, and Strings are made only for the rare anchor
/// and tag. Everything else lives in `YAMLLoader`.
final class LibYAMLParser {
    /// What one libyaml event is.
    enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd, alias
    }

    /// libyaml's own complaint about the input: a syntax error.
    struct SyntaxError: Error {
        var message: String
        var mark: Mark
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// The event last returned by `next()`, alive until the next call (libyaml owns its strings); all zero,
    /// which `yaml_event_delete` leaves alone, before the first. Memory of its own rather than a stored
    /// property, which Swift would check for exclusive access at every use.
    private let event: UnsafeMutablePointer<yaml_event_t>

    init(bytes: some Collection<UInt8>) {
        // libyaml keeps the pointer it is given, so the bytes must live as long as the parser: copy them
        // into memory this object owns.
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event and where it starts; what it holds (`scalarBytes`, `anchor`, `tag`) is read before
    /// the next call.
    func next() throws(SyntaxError) -> (Event, Mark) {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else { throw syntaxError() }
        let start = event.pointee.start_mark
        let mark = Mark(line: Int(start.line) + 1, column: Int(start.column) + 1)
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, mark)
        case YAML_STREAM_END_EVENT: return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, mark)
        case YAML_SCALAR_EVENT: return (.scalar, mark)
        case YAML_SEQUENCE_START_EVENT: return (.sequenceStart, mark)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT: return (.mappingStart, mark)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, mark)
        case YAML_ALIAS_EVENT: return (.alias, mark)
        default: throw SyntaxError(message: "unexpected YAML event", mark: mark)
        }
    }

    /// The current scalar event's text, as libyaml unquoted and folded it.
    var scalarBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: Int(event.pointee.data.scalar.length))
    }

    /// How the current scalar event was written.
    var scalarStyle: Node.Scalar.Style {
        switch event.pointee.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The anchor the current scalar, list or mapping defines, or the name the current alias refers to.
    var anchor: String? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: Self.string(event.pointee.data.scalar.anchor)
        case YAML_SEQUENCE_START_EVENT: Self.string(event.pointee.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT: Self.string(event.pointee.data.mapping_start.anchor)
        case YAML_ALIAS_EVENT: Self.string(event.pointee.data.alias.anchor) ?? ""
        default: nil
        }
    }

    /// The current node's explicit tag in the short form people write (`tag:yaml.org,2002:str` as `!!str`;
    /// `!`, `!custom` as written), or nil.
    var tag: String? {
        let pointer = switch event.pointee.type {
        case YAML_SCALAR_EVENT: event.pointee.data.scalar.tag
        case YAML_SEQUENCE_START_EVENT: event.pointee.data.sequence_start.tag
        case YAML_MAPPING_START_EVENT: event.pointee.data.mapping_start.tag
        default: UnsafeMutablePointer<yaml_char_t>?.none
        }
        guard let tag = Self.string(pointer) else { return nil }
        let core = "tag:yaml.org,2002:"
        return tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
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
}
