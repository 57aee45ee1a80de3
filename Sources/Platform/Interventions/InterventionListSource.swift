/// Turns a list in the kommun's file into interventions: an activity list (`activityLists`, e.g. Lysekil's
/// medborgardialog list) or, with the id `focusAreas`, the decided focus areas.
///
/// Each item becomes one intervention whose `source` names the list and item, so importing again adds only
/// new items. An activity list's items are proposed by the first body that follows the list up; items whose
/// status is `decided`, `ongoing` or `done` are also recorded as decided by that body on the import day.
/// Focus areas are proposed and decided by their `decidedBy` body. Neither names areas or indicators: such an
/// intervention concerns the whole kommun and is left out of the yearly analysis.
public enum InterventionListSource {
    /// The id that selects the focus areas instead of an activity list.
    public static let focusAreas = "focusAreas"

    /// The rows for the list `id` of `config`, recorded on `day`.
    public static func rows(config: KommunConfig, list id: String, on day: CalendarDate) throws -> [InterventionImportRow] {
        if id == focusAreas {
            return try config.focusAreas.map { area in
                guard let body = area.decidedBy else {
                    throw InterventionError("focus area '\(area.id)' names no decidedBy body")
                }
                return row(title: area.name, body: body, day: day, decided: true, source: "focusArea:\(area.id)")
            }
        }
        guard let list = config.activityLists.first(where: { $0.id == id }) else {
            let known = (config.activityLists.map(\.id) + [focusAreas]).joined(separator: ", ")
            throw InterventionError("\(config.id)'s file has no activity list '\(id)' (known: \(known))")
        }
        guard let body = list.followedUpBy.first else {
            throw InterventionError("activity list '\(id)' names no followedUpBy body to propose its items")
        }
        return list.items.map { item in
            row(title: item.name, body: body, day: day, decided: item.status != .proposed, source: "activityList:\(list.id)/\(item.id)")
        }
    }

    private static func row(title: String, body: String, day: CalendarDate, decided: Bool, source: String) -> InterventionImportRow {
        InterventionImportRow(
            line: nil,
            proposal: InterventionProposal(title: title, proposedBy: body, proposedOn: day, areas: [], indicators: [], source: source),
            decision: decided ? InterventionDecision(decidedBy: body, decidedOn: day, owner: body, start: day, plannedEnd: nil) : nil)
    }
}
