/// Builds CSV text (RFC 4180: comma-separated, CRLF-free `\n` line ends, quotes doubled).
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\n"
    }

    /// Quotes a field that holds a comma, a semicolon, a quote or a line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
