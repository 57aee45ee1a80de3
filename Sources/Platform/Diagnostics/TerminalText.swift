/// Text from outside (a kommun file, a report field, a plugin's standard error) made safe to show on a
/// terminal: every control character written as `\u{1B}`, so an escape sequence cannot retitle the window,
/// clear the screen or hide what follows.
public enum TerminalText {
    /// `text` with C0 controls (except tab, and newline when `keepingNewlines`), DEL and C1 controls escaped.
    public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        // Most text has none; checked on the bytes (a C1 control is 0xC2 0x80...0x9F in UTF-8).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar), scalar != "\t", !(keepingNewlines && scalar == "\n") {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The first control character in `text` that `allowed` does not list, or nil.
    public static func firstControl(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> Unicode.Scalar? {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        return text.unicodeScalars.first { isControl($0) && !allowed.contains($0) }
    }

    /// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
