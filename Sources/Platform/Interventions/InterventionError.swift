/// Why an intervention could not be proposed, decided or followed up; lists every problem.
public struct InterventionError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }

    /// An error listing `problems`.
    public init(_ problems: [String]) { self.problems = problems }
    /// An error with one problem.
    public init(_ problem: String) { problems = [problem] }
}
