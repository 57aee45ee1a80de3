import Testing
@testable import Platform

@Suite("Privacy guard")
struct PrivacyGuardTests {
    @Test(arguments: [
        "Pojke med pnr 811218-9876 sprayade", "811218-9876", "8112189876", "19811218-9876", "198112189876",
        "samordningsnummer 701063-2391", "811218+9876", "811218 9876",
    ])
    func personnummerIsFound(_ text: String) {
        #expect(PrivacyGuard.findings(in: text) == [.personnummer])
    }

    @Test(arguments: ["811218-9875", "2026-11-24", "kl 18.00–20.00", "4 personer", "Ring 112", "order 12345678", "1234567890"])
    func ordinaryNumbersAreNotFlagged(_ text: String) {
        #expect(PrivacyGuard.findings(in: text) == [])
    }

    @Test(arguments: ["070-123 45 67", "+46 70 123 45 67", "0523-61 30 00", "0046701234567", "0701234568"])
    func phoneNumbersAreFound(_ text: String) {
        #expect(PrivacyGuard.findings(in: "ring \(text) ikväll") == [.phone])
    }

    @Test func emailAddressesAreFound() {
        #expect(PrivacyGuard.findings(in: "mejla anna.svensson@lysekil.se") == [.email])
        #expect(PrivacyGuard.findings(in: "@ungdomsgård") == [])
    }

    @Test func redactionReplacesEachKind() {
        #expect(PrivacyGuard.redacted("Anna (811218-9876), 070-123 45 67, anna@exempel.se: klotter")
            == "Anna ([personnummer]), [telefon], [e-post]: klotter")
    }

    @Test func severalKindsAreListedOnceInOrder() {
        #expect(PrivacyGuard.findings(in: "a@b.se 811218-9876 c@d.se") == [.email, .personnummer])
    }

    /// The forms a careless or hostile writer uses (issue 12, item 5): found after normalising (NFKC, every
    /// dash to '-', invisible characters removed).
    @Test(arguments: [
        "121212\u{2013}1212", "pnr121212-1212", "\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12}",
        "121212-12\u{200B}12", "1212\u{00AD}12-1212", "12.12.12-1212", "121212\u{2212}1212", "121212\u{2011}1212",
        "19121212\u{2014}1212", "Tips från 121212\u{2013}1212 i går",
    ])
    func disguisedPersonnummerIsFound(_ text: String) {
        #expect(PrivacyGuard.findings(in: text) == [.personnummer], "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(!PrivacyGuard.redacted(text).contains("1212"), "\(PrivacyGuard.redacted(text))")
    }

    @Test(arguments: ["070\u{2013}123 45 67", "070/123 45 67", "070.123.45.67", "070\u{00A0}123\u{00A0}45\u{00A0}67",
                      "\u{FF10}\u{FF17}\u{FF10}-123 45 67", "08.123 45 67"])
    func disguisedPhoneNumbersAreFound(_ text: String) {
        #expect(PrivacyGuard.findings(in: "ring \(text) ikväll") == [.phone])
        #expect(PrivacyGuard.redacted("ring \(text) ikväll") == "ring [telefon] ikväll")
    }

    @Test(arguments: ["\"anna\"@lysekil.se", "anna@[192.168.0.1]", "anna@localhost", "anna\u{FF20}lysekil.se", "\"anna svensson\"@lysekil.se"])
    func unusualEmailAddressesAreFound(_ text: String) {
        #expect(PrivacyGuard.findings(in: "mejla \(text) snarast") == [.email])
        #expect(PrivacyGuard.redacted("mejla \(text) snarast") == "mejla [e-post] snarast")
    }

    /// Normalising must not make ordinary notes look like personal data.
    @Test(arguments: ["kl 08.00\u{2013}09.30 vid skolan", "sedan 01.02.2026", "kl 18.00\u{2013}20.00", "Sprayade på väggen, 4 personer",
                      "2026\u{2013}11\u{2013}20 kl 1830", "Rökning vid Åbyskolan", "2026-11-20-0003", "sim1-20261120-3", "kl 08.00 09.00 10.00"])
    func ordinaryNotesWithNonASCIIAreNotFlagged(_ text: String) {
        #expect(PrivacyGuard.findings(in: text) == [])
        #expect(PrivacyGuard.redacted(text) == text)
    }

    /// Found by scripts/fuzz.sh: a run of more digits than an Int holds trapped.
    @Test(arguments: [String(repeating: "9", count: 40), "12." + String(repeating: "9", count: 30), "1.2.3.4.5.6." + String(repeating: "9", count: 25)])
    func longRunsOfDigitsDoNotOverflow(_ text: String) {
        #expect(PrivacyGuard.findings(in: text) == [])
    }

    /// Two numbers one after the other are one run of digits too long for a number; both are found, and
    /// with --redact neither is stored (the first was left in the text before).
    @Test(arguments: [
        ("ring 070-123 45 67 070-123 45 68 ikväll", "ring [telefon] [telefon] ikväll"),
        ("0701234567 0701234568", "[telefon] [telefon]"),
        ("121212-1212 0701234567", "[personnummer] [telefon]"),
        ("070-123 45 67 +46 70 123 45 68", "[telefon] [telefon]"),
    ])
    func numbersOneAfterTheOtherAreEachFound(_ text: String, _ redacted: String) {
        #expect(PrivacyGuard.redacted(text) == redacted)
    }

    /// A long timetable is read no further than a number's length at a time, and is still not a number.
    @Test func aLongTimetableIsNotANumber() {
        let times = (6...20).map { CalendarDate.pad($0, 2) + ".00" }.joined(separator: " ")
        #expect(times.utf8.count > PrivacyGuard.longestNumber)
        #expect(PrivacyGuard.findings(in: "kl " + times) == [], "\(PrivacyGuard.redacted("kl " + times))")
    }
}
