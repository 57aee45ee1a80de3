import Platform

/// The accounts and the kommun's decisions on PostgreSQL: the same contract as SQLite's `ReportStore`.
extension PostgresStore: AccountStore, InterventionStore, PriorityStore, EscalationStore, AreaStatusStore {}
