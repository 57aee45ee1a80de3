extension PriorityProposal {
    /// The days of reports a proposal for `period` reads: its baseline periods and the period before it.
    public static func window(for period: Period) -> ClosedRange<CalendarDate> {
        period.offset(by: -(baselinePeriods + 1)).start...period.previous.end
    }

    /// The proposal for `period` from the reports `store` holds for `config`'s kommun: what `prioritet propose`
    /// and the server show.
    public init(config: KommunConfig, period: Period, store: any LagesbildReading) throws {
        let window = Self.window(for: period)
        self.init(config: config, period: period,
                  cells: try store.dailyCells(kommun: config.id, from: window.lowerBound, to: window.upperBound))
    }
}
