import Foundation

extension KommunConfigLoader {
    /// Whether `bytes` are well-formed UTF-8 (what `String(decoding:as:)` keeps unchanged) with no control
    /// character (`TerminalText.isControl`) but tab, newline and carriage return: one pass over the bytes,
    /// eight at a time while they are printable ASCII.
    static func isText(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return true }
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // No byte ≥ 0x7F (nothing but ASCII, no DEL) and none < 0x20: eight printable bytes.
                    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                    if (word | (word &+ ones)) & highs == 0, (word &- ones &* 0x20) & ~word & highs == 0 {
                        index += 8
                        continue
                    }
                }
                // Scalar by scalar past these eight bytes (a newline, a letter like å), then words again;
                // printable ASCII, tab, newline and carriage return without a call.
                let end = min(index + 8, count)
                while index < end {
                    let byte = buffer[index]
                    if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        index += 1
                        continue
                    }
                    guard let length = scalarLength(buffer, at: index) else { return false }
                    index += length
                }
            }
            return true
        }
    }

    /// Whether `bytes` hold U+0085 (NEL, `C2 85`), the one control character libyaml lets through: a
    /// `memchr` for its first byte, which Swedish text seldom has.
    static func holdsNextLine(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let end = base + buffer.count
            var from = base
            while from < end, let found = memchr(from, 0xC2, end - from) {
                let lead = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if lead + 1 < end, lead[1] == 0x85 { return true }
                from = lead + 1
            }
            return false
        }
    }

    /// The length of the allowed scalar starting at `index`, or nil for ill-formed UTF-8 (Unicode's table
    /// 3-7: no overlong forms, surrogates or values past U+10FFFF) or a control character.
    private static func scalarLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = buffer[index]
        if lead < 0x80 {
            return lead >= 0x20 && lead != 0x7F || lead == 0x09 || lead == 0x0A || lead == 0x0D ? 1 : nil
        }
        // The second byte's range, by the lead byte; 0xC2 0x80...0x9F are the C1 controls.
        let length: Int, second: ClosedRange<UInt8>
        switch lead {
        case 0xC2: (length, second) = (2, 0xA0...0xBF)
        case 0xC3...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= buffer.count, second.contains(buffer[index + 1]) else { return nil }
        for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
