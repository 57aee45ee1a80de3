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
}
