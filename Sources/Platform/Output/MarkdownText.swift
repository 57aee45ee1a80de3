/// Text from a report or a kommun's file written into Markdown so that it renders as exactly that text.
public enum MarkdownText {
    /// `text` as inline Markdown that renders as exactly that text: line breaks (LF, CR, CRLF, U+2028 …)
    /// become spaces, so no heading, list item or table row can start; `\`, `` ` ``, `*`, `_`, `[`, `]`,
    /// `~` and `|` are backslash-escaped; a `<` that could open an HTML tag, comment or autolink is `&lt;`.
    /// (`<` before a space or digit, `>` and `&` cannot start markup and are left readable.)
    public static func inline(_ text: String) -> String {
        guard text.utf8.contains(where: mayChange) else { return text }
        var result = ""
        var previousWasCR = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue
            case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}":
                result += " "
            case "\\", "`", "*", "_", "[", "]", "~", "|":
                result += "\\" + String(scalar)
            case "<" where index + 1 < scalars.count && Self.opensMarkup(scalars[index + 1]):
                result += "&lt;"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The UTF-8 bytes of what `inline` may change: the line breaks (U+0085 begins with 0xC2, U+2028 and
    /// U+2029 with 0xE2), the escaped characters and `<`. A text without them is written as it is.
    private static func mayChange(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0xC2, 0xE2, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "<"): true
        default: false
        }
    }

    /// What may follow `<` in an HTML tag, closing tag, comment, declaration, processing instruction or autolink.
    private static func opensMarkup(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "/" || scalar == "!" || scalar == "?"
    }
}
