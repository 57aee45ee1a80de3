import Foundation

/// A type that can be read from a configuration node, recording problems rather than throwing.
protocol ConfigDecodable {
    static func decode(from value: ConfigValue) -> Self?
}

/// A type read from a mapping. `init` must ask for every key it knows before it returns, even when it
/// returns nil, so that the remaining keys can be reported as unknown.
protocol ConfigObject: ConfigDecodable {
    init?(from mapping: ConfigMapping)
}

extension ConfigObject {
    static func decode(from value: ConfigValue) -> Self? {
        guard let mapping = value.mapping() else { return nil }
        let result = Self(from: mapping)
        mapping.finish()
        return result
    }
}

/// An enumeration read from its raw text, with the allowed values listed when the text is not one.
protocol ConfigEnum: ConfigDecodable, RawRepresentable<String>, CaseIterable {}

extension ConfigEnum {
    static func decode(from value: ConfigValue) -> Self? {
        // Most values are a case's raw value byte for byte: found without making a String.
        if let match = value.scalarBytes({ bytes in allCases.first { $0.rawValue.utf8.elementsEqual(bytes) } }) { return match }
        guard let text = value.text(expecting: "one of \(allowed)") else { return nil }
        if let result = Self(rawValue: text) { return result }
        var message = "'\(text)' is not one of \(allowed)"
        if let suggestion = Suggestion.nearest(to: text, among: allCases.map(\.rawValue)) {
            message += " (did you mean '\(suggestion)'?)"
        }
        value.error(message)
        return nil
    }

    private static var allowed: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}

extension String: ConfigDecodable {
    static func decode(from value: ConfigValue) -> String? {
        value.text()
    }
}

extension Int: ConfigDecodable {
    static func decode(from value: ConfigValue) -> Int? {
        value.parsePlain(expecting: "a whole number", decimal)
    }

    /// The number a decimal numeral writes (an optional `-`, digits without a leading 0), nil for any other
    /// text or one out of range. Decimal only: YAML 1.1 reads 0123 as octal, which no admin means.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let isNegative = bytes.first == UInt8(ascii: "-")
        let digits = isNegative ? bytes.dropFirst() : bytes[...]
        guard let first = digits.first, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        var number = 0
        for digit in digits {
            let (tens, tensOverflow) = number.multipliedReportingOverflow(by: 10)
            let value = Int(digit &- UInt8(ascii: "0"))
            // Negative numbers are summed below zero, so that Int.min is read too.
            let (sum, sumOverflow) = isNegative ? tens.subtractingReportingOverflow(value) : tens.addingReportingOverflow(value)
            guard !tensOverflow, !sumOverflow else { return nil }
            number = sum
        }
        return number
    }
}

extension Double: ConfigDecodable {
    static func decode(from value: ConfigValue) -> Double? {
        value.parsePlain(expecting: "a number") { bytes in
            guard bytes.allSatisfy(isNumeral),
                  let number = decimal(bytes) ?? Double(String(decoding: bytes, as: UTF8.self)), number.isFinite else { return nil }
            return number
        }
    }

    /// Powers of ten that are exact doubles, for `decimal`.
    private static let exactPowers: [Double] = (0...15).map { (0..<$0).reduce(1.0) { product, _ in product * 10 } }

    /// The number a plain decimal writes (`-12.345`: a sign, digits, a point and digits, at most 15 digits in
    /// all), nil for any other numeral (which `Double(String)` reads). The digits make an integer below 2⁵³
    /// and the point a power of ten up to 10¹⁵, both exact doubles, so their quotient is the correctly rounded
    /// number, as `Double(String)` (`strtod`) gives it, without its call.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let isNegative = index == 1
        var digits: UInt64 = 0, count = 0, fraction = -1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            digits = digits &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            count += 1
            if fraction >= 0 { fraction += 1 }
        }
        guard count > 0, count <= 15, fraction != 0 else { return nil }
        let magnitude = Double(digits) / exactPowers[max(fraction, 0)]
        return isNegative ? -magnitude : magnitude
    }

    /// `0`–`9`, `.`, `-`, `+`, `e` and `E`: the bytes a number is written with.
    private static func isNumeral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }
}

extension Bool: ConfigDecodable {
    static func decode(from value: ConfigValue) -> Bool? {
        value.parsePlain(expecting: "true or false") { bytes in
            if bytes.elementsEqual("true".utf8) { return true }
            if bytes.elementsEqual("false".utf8) { return false }
            return nil
        }
    }
}

extension Array: ConfigDecodable where Element: ConfigDecodable {
    static func decode(from value: ConfigValue) -> [Element]? {
        value.items()?.compactMap { $0.decode(Element.self) }
    }
}

/// An id: lowercase ASCII letters, digits and `-`, starting with a letter or digit.
struct Identifier: ConfigDecodable {
    let rawValue: String

    static func decode(from value: ConfigValue) -> Identifier? {
        // Checked on the scalar's bytes, which a String need not be made for.
        let hasValidBytes = value.scalarBytes(isValid(bytes:)) ?? false
        guard let text = value.text(expecting: "an id") else { return nil }
        if hasValidBytes { return Identifier(rawValue: text) }
        var message = "'\(text)' is not a valid id: use lowercase a–z, 0–9 and '-'"
        let suggestion = suggested(for: text)
        if isValid(suggestion) { message += " (did you mean '\(suggestion)'?)" }
        value.error(message)
        return nil
    }

    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isValid(bytes:))
    }

    /// Whether UTF-8 `bytes` are a valid id.
    static func isValid(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }

    /// `Södra Hamnen` → `sodra-hamnen`.
    static func suggested(for text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "sv_SE"))
        let mapped = folded.lowercased().map { ch -> Character in
            ch == " " || ch == "_" || ch == "/" || ch == "." ? "-" : ch
        }
        return String(mapped)
    }
}
