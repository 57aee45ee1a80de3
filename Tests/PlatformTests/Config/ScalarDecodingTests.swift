import Testing
@testable import Platform

/// Numbers, booleans and enumerations are read from a scalar's bytes, without a String; what they accept and
/// the errors they give are those of the text they were read from.
@Suite("Scalar decoding")
struct ScalarDecodingTests {
    private func decode<T: ConfigDecodable>(_ yaml: String, as type: [T].Type) throws -> (values: [T], errors: [String]) {
        let document = try #require(YAMLLoader().read(yaml, file: "s.yaml").document)
        let context = DecodingContext(file: "s.yaml", document: document)
        let values = context.root.decode([T].self) ?? []
        return (values, context.diagnostics.map(\.headline))
    }

    @Test func wholeNumbersAreDecimalAndInRange() throws {
        let (values, errors) = try decode("[1, -0, 0123, 99999999999999999999, -9223372036854775808, 9223372036854775808, +5, '7', 1.5]",
                                          as: [Int].self)
        #expect(values == [1, 0, Int.min])
        #expect(errors == [
            "s.yaml:1:9: error: expected a whole number, found '0123' [at [2]]",
            "s.yaml:1:15: error: expected a whole number, found '99999999999999999999' [at [3]]",
            "s.yaml:1:59: error: expected a whole number, found '9223372036854775808' [at [5]]",
            "s.yaml:1:80: error: expected a whole number, found '+5' [at [6]]",
            "s.yaml:1:84: error: expected a whole number, found the quoted text '7' [at [7]]",
            "s.yaml:1:89: error: expected a whole number, found '1.5' [at [8]]",
        ])
    }

    @Test func numbersAndBooleans() throws {
        let numbers = try decode("[58.2765, -11.5, 1e3, 0.1234567890123456789, .5, 1..2, nan, ~]", as: [Double].self)
        #expect(numbers.values == [58.2765, -11.5, 1000, 0.1234567890123456789, 0.5])
        #expect(numbers.errors == [
            "s.yaml:1:50: error: expected a number, found '1..2' [at [5]]",
            "s.yaml:1:56: error: expected a number, found 'nan' [at [6]]",
            "s.yaml:1:61: error: expected a number, found null [at [7]]",
        ])
        let booleans = try decode("[true, false, True, 'true', yes]", as: [Bool].self)
        #expect(booleans.values == [true, false])
        #expect(booleans.errors == [
            "s.yaml:1:15: error: expected true or false, found 'True' [at [2]]",
            "s.yaml:1:21: error: expected true or false, found the quoted text 'true' [at [3]]",
            "s.yaml:1:29: error: expected true or false, found 'yes' [at [4]]",
        ])
    }

    @Test func enumerationsMatchTheirRawValues() throws {
        let (values, errors) = try decode("[ort, 'district', place, Place, plac]", as: [Area.Kind].self)
        #expect(values == [.ort, .district, .place])
        #expect(errors == [
            "s.yaml:1:26: error: 'Place' is not one of ort, district, place (did you mean 'place'?) [at [3]]",
            "s.yaml:1:33: error: 'plac' is not one of ort, district, place (did you mean 'place'?) [at [4]]",
        ])
    }
}
