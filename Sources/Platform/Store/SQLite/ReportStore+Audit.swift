import Foundation
import GRDB

/// The audit log: append-only (the database's triggers refuse UPDATE and DELETE).
extension ReportStore {
    public func record(_ event: AuditEvent) throws {
        try queue.write { db in try Self.insert(event, db) }
    }

    /// Writes `event` in the caller's transaction (an audit event that must stand or fall with a change).
    static func insert(_ event: AuditEvent, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, kommun, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [Timestamp.text(event.at), event.kommun, event.actor, event.action, event.detail])
    }

    public func auditLog(kommun: String?, limit: Int) throws -> [AuditEvent] {
        let condition = kommun == nil ? "" : "WHERE kommun = ?"
        let arguments: StatementArguments = kommun.map { [$0, limit] } ?? [limit]
        return try rows("SELECT at, kommun, actor, action, detail FROM audit_log \(condition) ORDER BY id DESC LIMIT ?", arguments) { row in
            guard let at = Timestamp.date(row["at"]) else { return nil }
            return AuditEvent(at: at, kommun: row["kommun"], actor: row["actor"], action: row["action"], detail: row["detail"])
        }
    }
}
