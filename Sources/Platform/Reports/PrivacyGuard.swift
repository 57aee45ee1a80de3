/// Finds personal data in free text: Swedish personnummer and samordningsnummer, phone numbers and e-mail
/// addresses. EST is about places, not persons, so such data must not enter the store.
///
/// What it cannot find: names of persons, addresses, licence plates, descriptions that identify someone
/// ("the tall boy in the red jacket who lives above the pizzeria"). Those are the reporter's
/// responsibility (docs/reports.md).
public enum PrivacyGuard {
    /// A kind of personal data.
    public enum Finding: String, Sendable, Hashable, CaseIterable {
        case personnummer, phone, email

        /// What redaction puts in its place.
        public var placeholder: String {
            switch self {
            case .personnummer: "[personnummer]"
            case .phone: "[telefon]"
            case .email: "[e-post]"
            }
        }

        /// How a message names it, without ever showing the data.
        public var label: String {
            switch self {
            case .personnummer: "a personnummer or samordningsnummer"
            case .phone: "a phone number"
            case .email: "an e-mail address"
            }
        }
    }

    /// The kinds of personal data in `text`, in order of first appearance, each once.
    public static func findings(in text: String) -> [Finding] {
        // Checked on the String's own bytes first: most texts are let through without copying them.
        guard mayHoldFindings(text.utf8) else { return [] }
        var kinds: [Finding] = []
        for match in matches(in: Array(text.utf8)) where !kinds.contains(match.kind) {
            kinds.append(match.kind)
        }
        return kinds
    }

    /// `text` with every finding replaced by its placeholder.
    public static func redacted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var position = 0
        for match in matches(in: bytes) {
            result += bytes[position..<match.range.lowerBound]
            result += Array(match.kind.placeholder.utf8)
            position = match.range.upperBound
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }

    struct Match {
        var kind: Finding
        var range: Range<Int>
    }

    /// Every finding, left to right, not overlapping.
    static func matches(in bytes: [UInt8]) -> [Match] {
        guard mayHoldFindings(bytes) else { return [] }
        var found: [Match] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "@"), let match = email(around: index, in: bytes) {
                found.removeAll { $0.range.overlaps(match.range) }
                found.append(match)
                index = match.range.upperBound
                continue
            }
            if isNumberStart(bytes[index]), index == 0 || !isWordByte(bytes[index - 1]), let match = number(at: index, in: bytes) {
                found.append(match)
                index = match.range.upperBound
                continue
            }
            index += 1
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Fast path: every finding has an '@' or at least six digits, and most notes have neither.
    private static func mayHoldFindings(_ bytes: some Sequence<UInt8>) -> Bool {
        var digits = 0
        var at = false
        for byte in bytes {
            if isDigit(byte) { digits += 1 } else if byte == UInt8(ascii: "@") { at = true }
        }
        return digits >= 6 || at
    }

    /// A run of digits with the separators people write in numbers, classified as a personnummer or a
    /// phone number, or nil.
    private static func number(at start: Int, in bytes: [UInt8]) -> Match? {
        var index = start
        var digits: [UInt8] = []
        var separators: [(position: Int, byte: UInt8)] = []
        if bytes[index] == UInt8(ascii: "+") { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte - UInt8(ascii: "0"))
                index += 1
            } else if isSeparator(byte), index + 1 < bytes.count, isDigit(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: " ") {
                separators.append((digits.count, byte))
                index += 1
            } else {
                break
            }
        }
        while index > start, !isDigit(bytes[index - 1]) { index -= 1 }
        if index < bytes.count, isWordByte(bytes[index]) { return nil }
        let range = start..<index
        if isPersonnummer(digits, separators: separators) { return Match(kind: .personnummer, range: range) }
        let international = bytes[start] == UInt8(ascii: "+") || digits.starts(with: [0, 0, 4, 6])
        if digits.count >= 8, digits.count <= 13, digits.first == 0 || international {
            return Match(kind: .phone, range: range)
        }
        return nil
    }

    /// 10 or 12 digits (YYMMDD-NNNC or YYYYMMDDNNNC), a `-`, `+` or space only before the last four, a plausible
    /// date (day + 60 for a samordningsnummer) and a valid Luhn check digit.
    static func isPersonnummer(_ digits: [UInt8], separators: [(position: Int, byte: UInt8)]) -> Bool {
        guard digits.count == 10 || digits.count == 12 else { return false }
        for separator in separators {
            guard separator.position == digits.count - 4, separator.byte != UInt8(ascii: "("), separator.byte != UInt8(ascii: ")")
            else { return false }
        }
        let ten = Array(digits.suffix(10))
        if digits.count == 12, !(digits[0] == 1 && (digits[1] == 8 || digits[1] == 9) || digits[0] == 2 && digits[1] == 0) {
            return false
        }
        let month = Int(ten[2]) * 10 + Int(ten[3])
        let day = Int(ten[4]) * 10 + Int(ten[5])
        guard (1...12).contains(month), (1...31).contains(day) || (61...91).contains(day) else { return false }
        var sum = 0
        for (index, digit) in ten.enumerated() {
            var value = Int(digit) * (index % 2 == 0 ? 2 : 1)
            if value > 9 { value -= 9 }
            sum += value
        }
        return sum % 10 == 0
    }

    /// `name@domain.tld` around the `@` at `index`.
    private static func email(around index: Int, in bytes: [UInt8]) -> Match? {
        var start = index
        while start > 0, isEmailLocalByte(bytes[start - 1]) { start -= 1 }
        var end = index + 1
        var dots = 0
        while end < bytes.count, isDomainByte(bytes[end]) {
            if bytes[end] == UInt8(ascii: ".") { dots += 1 }
            end += 1
        }
        while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1; dots -= 1 }
        guard start < index, dots >= 1, end - index > 3 else { return nil }
        return Match(kind: .email, range: start..<end)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isNumberStart(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "+") }
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: ")")
    }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 0x80
    }
    private static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    private static func isEmailLocalByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%")
    }
    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
