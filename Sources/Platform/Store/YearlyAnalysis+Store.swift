extension YearlyAnalysis {
    /// The analysis of `period` from what `store` holds for `config`'s kommun (its interventions, and its
    /// reports of `window(for: period)`): what `analys` and the server show.
    public init(config: KommunConfig, period: Period, store: any LagesbildReading & InterventionStore, language: Language = .sv) throws {
        let window = Self.window(for: period)
        self.init(config: config, period: period, interventions: try store.interventions(kommun: config.id),
                  cells: try store.dailyCells(kommun: config.id, from: window.lowerBound, to: window.upperBound), language: language)
    }
}
