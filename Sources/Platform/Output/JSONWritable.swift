/// A value that writes itself as JSON into a `JSONOutput`, as `JSONEncoder` writes what its `Encodable`
/// conformance encodes: for the lägesbild, whose JSON is written by hand for speed (`Lagesbild+JSON.swift`).
protocol JSONWritable {
    func writeJSON(to output: inout JSONOutput) throws
}

extension String: JSONWritable {
    func writeJSON(to output: inout JSONOutput) { output.writeString(self) }
}

extension Int: JSONWritable {
    func writeJSON(to output: inout JSONOutput) { output.writeInteger(self) }
}

extension Double: JSONWritable {
    func writeJSON(to output: inout JSONOutput) throws { try output.writeFloatingPoint(self) }
}

extension Bool: JSONWritable {
    func writeJSON(to output: inout JSONOutput) { output.writeBool(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func writeJSON(to output: inout JSONOutput) throws {
        try output.writeArray(self) { try $0.writeJSON(to: &$1) }
    }
}

/// A value written as a JSON object: its members, given in key order to a `JSONObjectWriter`.
protocol JSONObjectWritable: JSONWritable {
    func writeMembers(to object: inout JSONObjectWriter) throws
}

extension JSONObjectWritable {
    func writeJSON(to output: inout JSONOutput) throws {
        try output.writeObject { try writeMembers(to: &$0) }
    }
}

/// An enum with string raw values is written as its raw value, as `Codable` encodes it.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    func writeJSON(to output: inout JSONOutput) { output.writeString(rawValue) }
}
