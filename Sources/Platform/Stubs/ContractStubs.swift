// TEMPORARY stand-ins for the accounts and intake contracts (replaced by the helpers' work at merge; never on main).
import Foundation

public protocol ReportRowSource: AnyObject {
    var file: String { get }
    var isRefusedRows: Bool { get }
    func next() throws(Diagnostic) -> RawReport?
}
extension ReportFileReader: ReportRowSource {
    public convenience init(name: String, data: Data, format: ReportFileReader.Format, limits: ReportLimits = ReportLimits()) throws(Diagnostic) { fatalError() }
}
public final class FormRows: ReportRowSource {
    public init(name: String, rows: [RawReport]) { fatalError() }
    public var file: String { "" }
    public var isRefusedRows: Bool { false }
    public func next() throws(Diagnostic) -> RawReport? { nil }
}
public struct ImportSummary: Sendable, Equatable, Codable {
    public var source: String; public var stored: Int; public var corrected: Int; public var unchanged: Int; public var withdrawn: Int
    public var refused: [RefusedRow]; public var committed: Bool
    public init(source: String, stored: Int, corrected: Int, unchanged: Int, withdrawn: Int, refused: [RefusedRow], committed: Bool) { fatalError() }
    public struct RefusedRow: Sendable, Equatable, Codable { public var line: Int; public var problems: [String]; public init(line: Int, problems: [String]) { fatalError() } }
}
extension ReportIngestor {
    public func ingest(_ source: some ReportRowSource, store: ReportStore) throws -> ImportSummary { fatalError() }
}
public struct StoredReport: Sendable, Hashable {
    public var ref: String?; public var date: CalendarDate; public var time: String?; public var area: String; public var indicator: String
    public var value: Int; public var place: String?; public var note: String?; public var ingestedAt: String
}
extension ReportStore {
    public func reports(kommun: String, reporter: String, from: CalendarDate, to: CalendarDate) throws -> [StoredReport] { fatalError() }
    public func withdraw(kommun: String, reporter: String, ref: String, source: String, now: Date) throws { fatalError() }
    public func recordNothingToReport(kommun: String, reporter: String, period: Period, source: String, now: Date) throws { fatalError() }
}
