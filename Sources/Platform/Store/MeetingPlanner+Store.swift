extension MeetingPlanner {
    /// The planner for `config` with the escalations declared for its kommun in `store` (none without a store):
    /// what the calendar, the lägesbild and the follow-ups due all plan with.
    public init(config: KommunConfig, declaredIn store: (any EscalationStore)?) throws {
        self.init(config: config, escalations: try store?.escalations(kommun: config.id) ?? [])
    }
}

extension InterventionStore where Self: EscalationStore {
    /// The decided interventions of `config`'s kommun due for follow-up by `date`: not followed up in
    /// `withinDays`, or their deciding body has met since (its meetings of the year before, planned from the
    /// kommun file with the escalations declared here).
    public func followUpsDue(config: KommunConfig, by date: CalendarDate, withinDays: Int = 90) throws -> [Intervention] {
        let meetings = try MeetingPlanner(config: config, declaredIn: self).meetings(from: date.adding(months: -12), to: date)
        return try followUpsDue(kommun: config.id, by: date, withinDays: withinDays, meetings: meetings)
    }
}
