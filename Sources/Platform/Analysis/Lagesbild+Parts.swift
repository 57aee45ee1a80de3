extension Lagesbild {
    /// The parts of a lägesbild besides its cells: an exporter that shows less (the CSV shows only the cells)
    /// says so, and a run that asks only for such formats skips reading the store, planning meetings and
    /// computing for the rest. A skipped part is left empty.
    public struct Parts: OptionSet, Sendable, Hashable {
        public let rawValue: Int

        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// Who reported, the deadline and timeliness (`completeness`, `highlights.missingReporters`).
        public static let reporting = Parts(rawValue: 1 << 0)
        /// The period's notes, and the places that recur (`notes`, `recurringPlaces`).
        public static let notes = Parts(rawValue: 1 << 1)
        /// The next period's meetings (`upcoming`).
        public static let meetings = Parts(rawValue: 1 << 2)
        /// Interventions and priorities (`interventions`).
        public static let interventions = Parts(rawValue: 1 << 3)
        /// What is drawn from the cells besides them: the highlights, hotspots, area scores and statuses,
        /// indicator totals and history.
        public static let summaries = Parts(rawValue: 1 << 4)

        /// Every part: what an exporter needs unless it says otherwise.
        public static let all: Parts = [.reporting, .notes, .meetings, .interventions, .summaries]
    }
}

extension Lagesbild.Highlights {
    /// The highlights of a lägesbild compiled without its summaries.
    static let empty = Lagesbild.Highlights(events: 0, previousEvents: nil, areasWithEvents: 0, new: [], rising: [], topAreas: [],
                                            missingReporters: [])
}
