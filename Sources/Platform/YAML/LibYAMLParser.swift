internal import CYaml

/// The one owner of a libyaml parser, freed in `deinit`; it reads bytes its caller keeps alive for its
/// whole life (`YAMLLoader.withBytes`: a file is parsed where it lies, not copied). It hands out libyaml's
/// events one at a time, reading their scalars, anchors and tags in place: a scalar's bytes are copied
/// once, by the reader, and Strings are made only for the rare anchor and tag. Everything else lives in
/// `YAMLLoader`.
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
    /// The event last returned by `next()`, alive until the next call (libyaml owns its strings); all zero,
    /// which `yaml_event_delete` leaves alone, before the first. Memory of its own rather than a stored
    /// property, which Swift would check for exclusive access at every use.
    private let event: UnsafeMutablePointer<yaml_event_t>

    /// A parser of `bytes`, which libyaml reads in place: they must outlive the parser, and have an
    /// address even when empty (libyaml asserts one).
    init(reading bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.baseAddress != nil, "libyaml needs an input address")
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event and where it starts; what it holds (`scalarBytes`, `properties`, `aliasName`) is read
    /// before the next call.
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

    /// The anchor and the explicit tag of the current scalar, list or mapping, each nil when not written
    /// (the usual case, found with one look at the event). A tag comes in the short form people write
    /// (`tag:yaml.org,2002:str` as `!!str`; `!`, `!custom` as written).
    @inline(__always) var properties: (anchor: String?, tag: String?) {
        let (anchor, tag) = switch event.pointee.type {
        case YAML_SCALAR_EVENT: (event.pointee.data.scalar.anchor, event.pointee.data.scalar.tag)
        case YAML_SEQUENCE_START_EVENT: (event.pointee.data.sequence_start.anchor, event.pointee.data.sequence_start.tag)
        case YAML_MAPPING_START_EVENT: (event.pointee.data.mapping_start.anchor, event.pointee.data.mapping_start.tag)
        default: (UnsafeMutablePointer<yaml_char_t>?.none, UnsafeMutablePointer<yaml_char_t>?.none)
        }
        if anchor == nil, tag == nil { return (nil, nil) }
        return Self.properties(anchor, tag)
    }

    /// An anchor's and a tag's Strings, the tag in its short form.
    private static func properties(_ anchor: UnsafeMutablePointer<yaml_char_t>?,
                                   _ tag: UnsafeMutablePointer<yaml_char_t>?) -> (anchor: String?, tag: String?) {
        let core = "tag:yaml.org,2002:"
        return (string(anchor), string(tag).map { $0.hasPrefix(core) ? "!!" + $0.dropFirst(core.count) : $0 })
    }

    /// The name the current alias refers to.
    var aliasName: String {
        Self.string(event.pointee.data.alias.anchor) ?? ""
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
