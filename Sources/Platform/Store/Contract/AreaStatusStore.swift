import Foundation

/// The status a kommun's body sets for an area (its own assessment beside the computed one); every status
/// set is kept.
public protocol AreaStatusStore: Sendable {
    /// Adds a checked assessment to the area's history.
    func storeAreaStatus(_ assessment: AreaStatusAssessment, kommun: String, now: Date) throws
    /// Every status set for the areas of `kommun` on or before `day` (all when nil), by date and then in the
    /// order they were set: the last one per area is its assessed status on `day`.
    func areaStatusAssessments(kommun: String, through day: CalendarDate?) throws -> [AreaStatusAssessment]
}

extension AreaStatusStore {
    /// Checks `assessment` against `config` and adds it to the area's history; earlier ones are kept.
    public func setAreaStatus(_ assessment: AreaStatusAssessment, config: KommunConfig, now: Date = Date()) throws {
        let problems = assessment.problems(in: config)
        guard problems.isEmpty else { throw AreaStatusError(problems: problems) }
        try storeAreaStatus(assessment, kommun: config.id, now: now)
    }

    /// Every status set for the areas of `kommun`.
    public func areaStatusAssessments(kommun: String) throws -> [AreaStatusAssessment] {
        try areaStatusAssessments(kommun: kommun, through: nil)
    }
}
