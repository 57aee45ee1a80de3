/// How an ingest treats bad rows.
public struct IngestOptions: Sendable {
    /// Store the valid rows of a file that has bad ones (otherwise the whole file is refused).
    public var skipInvalid = false
    /// Check and count, but write nothing.
    public var dryRun = false

    public init(skipInvalid: Bool = false, dryRun: Bool = false) {
        self.skipInvalid = skipInvalid
        self.dryRun = dryRun
    }
}
