/// What the store did with one delivery.
public struct IngestOutcome: Sendable {
    public var file: String
    public var new = 0
    public var revised = 0
    public var unchanged = 0
    /// Stored rows without an id that this delivery replaced: its reporter's id-less rows of a day it delivered
    /// again that it did not deliver this time.
    public var withdrawn = 0
    /// Rows that were not stored, with their problems and their text.
    public var refused: [(problems: RowProblems, raw: RawReport)] = []
    /// A problem with the delivery as a whole (its checklist version, for instance).
    public var fileProblem: String?
    /// Whether anything was written.
    public var committed = false

    /// An outcome of `file` with nothing counted yet.
    public init(file: String) {
        self.file = file
    }

    /// Whether the delivery is kept: nothing refused it whole, and a refused row refuses it unless `options`
    /// skip invalid rows; a dry run keeps nothing.
    public func isKept(under options: IngestOptions) -> Bool {
        fileProblem == nil && !options.dryRun && (refused.isEmpty || options.skipInvalid)
    }
}
