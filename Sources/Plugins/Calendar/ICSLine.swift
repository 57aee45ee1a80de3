/// One content line of an iCalendar file (RFC 5545 §3.1), `NAME;PARAM=VALUE:value`, and how it is written:
/// folded into physical lines of at most 75 octets, each ended by CRLF.
struct ICSLine: Sendable {
    /// The longest physical line, in octets, without its CRLF.
    static let maximumOctets = 75

    /// The unfolded line, without its CRLF.
    let content: String

    /// A line whose value is written as given: dates, numbers and fixed words that need no escaping.
    /// `name` may carry parameters: `DTSTART;TZID=Europe/Stockholm`.
    init(_ name: String, _ value: String) {
        content = name + ":" + value
    }

    /// A line whose value is free text (RFC 5545 §3.3.11), escaped.
    static func text(_ name: String, _ value: String) -> ICSLine {
        ICSLine(name, escape(value))
    }

    /// `text` as an iCalendar TEXT value: backslash, semicolon and comma escaped with a backslash, every
    /// line break (LF, CRLF or CR) written `\n`, and other control characters, which TEXT cannot hold,
    /// left out. Tabs stay.
    static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", ";", ",":
                escaped.append("\\")
                escaped.append(scalar)
            case "\n" where afterCarriageReturn:
                break
            case "\n", "\r":
                escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\t":
                escaped.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                break
            default:
                escaped.append(scalar)
            }
            afterCarriageReturn = scalar == "\r"
        }
        return String(escaped)
    }

    /// The line as written: folded before any character that would take a physical line past 75 octets,
    /// never inside a character's UTF-8 sequence, every continuation line starting with one space, and
    /// every physical line ended by CRLF.
    var folded: String {
        var output = String.UnicodeScalarView()
        var octets = 0
        for scalar in content.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > Self.maximumOctets {
                output.append(contentsOf: "\r\n ".unicodeScalars)
                octets = 1
            }
            output.append(scalar)
            octets += width
        }
        output.append(contentsOf: "\r\n".unicodeScalars)
        return String(output)
    }
}
