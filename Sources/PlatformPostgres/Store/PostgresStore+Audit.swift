import Foundation
import Platform

/// The audit log (`AccountStore`), append-only (the database's triggers refuse UPDATE and DELETE), as
/// `ReportStore+Audit.swift` does on SQLite. An event of a kommun is written and read with that kommun set; an
/// event of none (an administrator's), and the whole log, platform-wide (`*`).
extension PostgresStore {
    public func record(_ event: AuditEvent) throws {
        try bridge.transaction(kommun: event.kommun ?? "*") { transaction in try Self.insert(event, transaction) }
    }

    /// Writes `event` in the caller's transaction (an audit event that must stand or fall with a change).
    static func insert(_ event: AuditEvent, _ transaction: PostgresTransaction) throws {
        try transaction.execute("INSERT INTO audit_log (at, kommun, actor, action, detail) VALUES ($1, $2, $3, $4, $5)",
                                [.text(Timestamp.text(event.at)), PostgresValue(event.kommun), .text(event.actor), .text(event.action),
                                 .text(event.detail)])
    }

    public func auditLog(kommun: String?, limit: Int) throws -> [AuditEvent] {
        let condition = kommun == nil ? "" : "WHERE kommun = $2"
        // A negative limit is none, as SQLite's LIMIT -1 (PostgreSQL's LIMIT NULL).
        let binds: [PostgresValue] = [limit < 0 ? .null : .int(Int64(limit))] + (kommun.map { [.text($0)] } ?? [])
        return try bridge.transaction(kommun: kommun ?? "*", readOnly: true) { transaction in
            try transaction.query("SELECT at, kommun, actor, action, detail FROM audit_log \(condition) ORDER BY id DESC LIMIT $1::bigint", binds)
                .compactMap { row in
                    guard let at = Timestamp.date(try row.text("at")) else { return nil }
                    return AuditEvent(at: at, kommun: try row.optionalText("kommun"), actor: try row.text("actor"),
                                      action: try row.text("action"), detail: try row.text("detail"))
                }
        }
    }
}
