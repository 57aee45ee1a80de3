/// Why an area's status could not be set; lists every problem.
public struct AreaStatusError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }

    /// An error listing `problems`.
    public init(problems: [String]) { self.problems = problems }
}
