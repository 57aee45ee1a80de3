/// How a report is kept in a store, the same in every implementation (SQLite's `ReportStore` and the
/// PostgreSQL store): the key it is stored under for its reporter, and its `source` column.
extension Report {
    /// What the store keeps in `source`: NULL for observations, else the source's name.
    public var storedSource: String? {
        source == .observations ? nil : source.rawValue
    }

    /// The key the report is stored under for its reporter (`ref`): its own id, or for a row without one
    /// `#<hash in hex>-<occurrence>`, `hash` being its `contentHash` and `occurrence` counting from 1 the
    /// equal rows before it in its delivery (and the stored rows it must not be taken for), so that two
    /// identical events in one file are two reports and the same file ingested again adds nothing.
    public func storedRef(hash: Int64, occurrence: Int) -> String {
        ref ?? Self.refPrefix(hash: hash) + String(occurrence)
    }

    /// `#<hash in hex>-`: how the keys of the rows without an id whose content hash is `hash` begin.
    public static func refPrefix(hash: Int64) -> String {
        "#" + String(UInt64(bitPattern: hash), radix: 16) + "-"
    }

    /// The reporter's own id of a row stored under `storedRef`; nil for a row delivered without one.
    public static func id(storedRef: String) -> String? {
        storedRef.hasPrefix("#") ? nil : storedRef
    }
}
