extension Lagesbild {
    /// The parts of a lägesbild that need more than the reports' values: an exporter that shows less (the
    /// CSV shows only the cells) says so, and a run that asks only for such formats skips reading the store
    /// and planning meetings for the rest. A skipped part is left empty.
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

        /// Every part: what an exporter needs unless it says otherwise.
        public static let all: Parts = [.reporting, .notes, .meetings, .interventions]
    }
}
