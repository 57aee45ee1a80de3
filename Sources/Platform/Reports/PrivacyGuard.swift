import Foundation

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
        guard let scanned = scannable(text) else { return [] }
        var kinds: [Finding] = []
        for match in matches(in: scanned) where !kinds.contains(match.kind) {
            kinds.append(match.kind)
        }
        return kinds
    }

    /// `text` with every finding replaced by its placeholder. A text with a finding is returned in its
    /// normalised form (see `normalized(_:)`), so no disguised copy of the data survives.
    public static func redacted(_ text: String) -> String {
        guard let bytes = scannable(text) else { return text }
        let found = matches(in: bytes)
        guard !found.isEmpty else { return text }
        var result: [UInt8] = []
        var position = 0
        for match in found {
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

    /// Every finding, left to right, not overlapping, in bytes `scannable(_:)` returned.
    static func matches(in bytes: [UInt8]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "@"), let match = email(around: index, in: bytes) {
                found.removeAll { $0.range.overlaps(match.range) }
                found.append(match)
                index = match.range.upperBound
                continue
            }
            // Letters may touch a number ("pnr121212-1212"): over-catching is the safe side.
            var next = index + 1
            if isNumberStart(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) {
                if let match = number(at: index, in: bytes, next: &next) {
                    found.append(match)
                    index = match.range.upperBound
                    continue
                }
            }
            index = next
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The bytes to scan, or nil when `text` cannot hold a finding.
    ///
    /// Fast path: every finding has an '@' or at least six digits, and most notes have neither. A text with
    /// characters beyond Latin letters (which could be full-width digits, a dash other than '-', an
    /// invisible character) is normalised first and checked again.
    static func scannable(_ text: String) -> [UInt8]? {
        var digits = 0
        var at = false
        var nonASCII = false
        for byte in text.utf8 {
            if isDigit(byte) { digits += 1 } else if byte == UInt8(ascii: "@") { at = true } else if byte >= 0x80 { nonASCII = true }
        }
        if nonASCII, text.unicodeScalars.contains(where: { $0.value >= 0x80 && !isPlainLetter($0) }) {
            let normal = normalized(text)
            return mayHoldFindings(normal.utf8) ? Array(normal.utf8) : nil
        }
        return digits >= 6 || at ? Array(text.utf8) : nil
    }

    private static func mayHoldFindings(_ bytes: some Sequence<UInt8>) -> Bool {
        var digits = 0
        var at = false
        for byte in bytes {
            if isDigit(byte) { digits += 1 } else if byte == UInt8(ascii: "@") { at = true }
        }
        return digits >= 6 || at
    }

    /// A Latin letter or accent (å, ä, ö, é, ü …), which normalising cannot turn into a digit, a dash or an '@'.
    private static func isPlainLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xD7, 0xF7: false
        case 0xC0...0x24F, 0x300...0x36F: true
        default: false
        }
    }

    /// `text` as the scanner reads it: Unicode NFKC (full-width digits and '＠' become ASCII, a no-break
    /// space a space), every other decimal digit as its ASCII digit, every dash and minus sign as '-', every
    /// space as ' ', and invisible characters (zero-width spaces and joiners, soft hyphens, direction marks)
    /// removed.
    static func normalized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .format:
                continue
            case .control where scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D:
                continue
            case .dashPunctuation:
                result.append("-")
            case .spaceSeparator:
                result.append(" ")
            case .decimalNumber where scalar.value >= 0x80:
                result.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8(properties.numericValue ?? 0)))
            default:
                switch scalar.value {
                case 0x2212, 0x2043, 0x02D7, 0x2796: result.append("-")
                case 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0: continue
                default: result.append(scalar)
                }
            }
        }
        return String(result)
    }

    /// The most bytes one number takes, separators included (`+46 (0)70-123 45 67` is 19): a run of digits is
    /// read no further than this from where it starts, so a hostile field of digits and dots costs linear time.
    static let longestNumber = 64

    /// A run of digits with the separators people write in numbers, classified as a personnummer or a
    /// phone number, or nil. A run of times or a date sets `next` past itself, so no part of it is scanned
    /// again as a number of its own (`00 09.00 10.00` inside `08.00 09.00 10.00`). Two numbers written one
    /// after the other (`070-123 45 67 070-123 45 68`) are one run too long for a number: the run is then
    /// split where a space starts a new number, so the first is found as well as the second.
    private static func number(at start: Int, in bytes: [UInt8], next: inout Int) -> Match? {
        var index = start
        var digits: [UInt8] = []
        var separators: [(position: Int, byte: UInt8)] = []
        var separatorIndices: [Int] = []
        let limit = min(bytes.count, start + longestNumber)
        if bytes[index] == UInt8(ascii: "+") { index += 1 }
        while index < limit {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte - UInt8(ascii: "0"))
                index += 1
            } else if isSeparator(byte), index + 1 < bytes.count, isDigit(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: " ") {
                separators.append((digits.count, byte))
                separatorIndices.append(index)
                index += 1
            } else {
                break
            }
        }
        let cut = index == limit && limit < bytes.count && (isDigit(bytes[index]) || isSeparator(bytes[index]))
        while index > start, !isDigit(bytes[index - 1]) { index -= 1 }
        while let last = separators.last, last.position == digits.count {
            separators.removeLast()
            separatorIndices.removeLast()
        }
        if !cut {
            let range = start..<index
            if isPersonnummer(digits, separators: separators) { return Match(kind: .personnummer, range: range) }
            if index < bytes.count, isWordByte(bytes[index]) { return nil }
            if isTimeOrDate(digits, separators: separators) {
                next = index
                return nil
            }
            if let kind = phone(digits, international: bytes[start] == UInt8(ascii: "+")) { return Match(kind: kind, range: range) }
        }
        // A space followed by a new number's start (`0`, `+`) after 8 to 13 digits: the first of two numbers.
        // Not from inside a dotted group (the `00 07.00 08.00` of a timetable `06.00 07.00 08.00`).
        if start > 0, bytes[start - 1] == UInt8(ascii: ".") || bytes[start - 1] == UInt8(ascii: ":") { return nil }
        for (k, separator) in separators.enumerated() where separator.byte == UInt8(ascii: " ") && (8...13).contains(separator.position) {
            let end = separatorIndices[k]
            guard end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "0") || bytes[end + 1] == UInt8(ascii: "+") else { continue }
            let prefix = Array(digits.prefix(separator.position)), inside = Array(separators.prefix(k))
            if isPersonnummer(prefix, separators: inside) { return Match(kind: .personnummer, range: start..<end) }
            if isTimeOrDate(prefix, separators: inside) { continue }
            if let kind = phone(prefix, international: bytes[start] == UInt8(ascii: "+")) { return Match(kind: kind, range: start..<end) }
        }
        return nil
    }

    /// 8 to 13 digits starting with 0, or an international number (`+46…`, `0046…`).
    private static func phone(_ digits: [UInt8], international: Bool) -> Finding? {
        let international = international || digits.starts(with: [0, 0, 4, 6])
        return digits.count >= 8 && digits.count <= 13 && (digits.first == 0 || international) ? .phone : nil
    }

    /// 10 or 12 digits (YYMMDD-NNNC or YYYYMMDDNNNC), a plausible date (day + 60 for a samordningsnummer) and
    /// a valid Luhn check digit. Separators: any but brackets before the last four; the date's own
    /// separators too (`12.12.12-1212`, but not `-`: `2026-11-20-0001` is an id) when the last four follow a
    /// `-` or `+`.
    static func isPersonnummer(_ digits: [UInt8], separators: [(position: Int, byte: UInt8)]) -> Bool {
        guard digits.count == 10 || digits.count == 12 else { return false }
        let last = digits.count - 4
        let inDate = Set([last - 4, last - 2])
        let serialMark = separators.contains { $0.position == last && ($0.byte == UInt8(ascii: "-") || $0.byte == UInt8(ascii: "+")) }
        for separator in separators {
            guard separator.byte != UInt8(ascii: "("), separator.byte != UInt8(ascii: ")"),
                  separator.position == last || serialMark && inDate.contains(separator.position) && separator.byte != UInt8(ascii: "-")
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

    /// Times (`08.00-09.30`) or a date (`01.02.2026`, `01/02/2026`), which look like a phone number
    /// once '.' and '/' separate numbers.
    private static func isTimeOrDate(_ digits: [UInt8], separators: [(position: Int, byte: UInt8)]) -> Bool {
        var groups: [Int] = []
        var marks: [UInt8] = []
        var previous = 0
        for separator in separators where separator.position > previous {
            groups.append(separator.position - previous)
            marks.append(separator.byte)
            previous = separator.position
        }
        groups.append(digits.count - previous)
        // Each group's value from its first four digits (only groups of two and four are compared): a longer
        // run would overflow an Int, and one pass keeps a long run of groups linear.
        var numbers: [Int] = []
        var offset = 0
        for count in groups {
            numbers.append(digits[offset..<offset + count].prefix(4).reduce(0) { $0 * 10 + Int($1) })
            offset += count
        }
        let dotted = separators.allSatisfy { [UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: " ")].contains($0.byte) }
        // Times HH.MM, one after another: 08.00-09.30, 08.00 09.00 10.00 11.00.
        if groups.count % 2 == 0, groups.allSatisfy({ $0 == 2 }),
           stride(from: 0, to: groups.count, by: 2).allSatisfy({ marks[$0] == UInt8(ascii: ".") && numbers[$0] <= 24 && numbers[$0 + 1] <= 59 }) {
            return true
        }
        return dotted && groups == [2, 2, 4] && (1...31).contains(numbers[0]) && (1...12).contains(numbers[1])
    }

    /// `name@domain.tld` around the `@` at `index`; also `"quoted name"@domain`, `name@[192.168.0.1]` and
    /// `name@localhost` (a local part and any domain: over-catching is the safe side).
    private static func email(around index: Int, in bytes: [UInt8]) -> Match? {
        var start = index
        if index > 1, bytes[index - 1] == UInt8(ascii: "\""), let open = bytes[..<(index - 1)].lastIndex(of: UInt8(ascii: "\"")) {
            start = open
        } else {
            while start > 0, isEmailLocalByte(bytes[start - 1]) { start -= 1 }
        }
        var end = index + 1
        if end < bytes.count, bytes[end] == UInt8(ascii: "["), let close = bytes[end...].firstIndex(of: UInt8(ascii: "]")) {
            end = close + 1
        } else {
            while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
            while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        }
        guard start < index, end - index > 1, isLetter(bytes[index + 1]) || isDigit(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "[")
        else { return nil }
        return Match(kind: .email, range: start..<end)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isNumberStart(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "+") }
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
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
