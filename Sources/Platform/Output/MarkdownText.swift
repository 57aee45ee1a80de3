/// Text from a report or a kommun's file written into Markdown so that it renders as exactly that text.
public enum MarkdownText {
    /// `text` as inline Markdown that renders as exactly that text: line breaks (LF, CR, CRLF, U+2028 …)
    /// become spaces, so no heading, list item or table row can start; `\`, `` ` ``, `*`, `_`, `[`, `]`,
    /// `~` and `|` are backslash-escaped; a `<` that could open an HTML tag, comment or autolink is `&lt;`.
    /// (`<` before a space or digit, `>` and `&` cannot start markup and are left readable.)
    public static func inline(_ text: String) -> String {
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

    /// What may follow `<` in an HTML tag, closing tag, comment, declaration, processing instruction or autolink.
    private static func opensMarkup(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "/" || scalar == "!" || scalar == "?"
    }
}
