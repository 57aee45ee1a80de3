/// The whole store as the core uses it: every kommun's reports, interventions, priorities, escalations,
/// area statuses, accounts and audit log, behind small protocols. Two implementations: `ReportStore` (SQLite,
/// the embedded default) and the PostgreSQL store (target `PlatformPostgres`). Analysis, interventions, the
/// CLI and the web application depend on these protocols only.
///
/// Every method is synchronous and scoped to one kommun (the accounts part aside); an implementation runs
/// each in one transaction of its own.
public protocol PlatformStore: LagesbildReading, ReportIntake, InterventionStore, PriorityStore, EscalationStore,
    AreaStatusStore, AccountStore {
    /// Tells whether anything in the store changed between two readings, by this process or another one:
    /// a long-running process keeps what it computed while the version stays the same.
    func version() throws -> StoreVersion
}
