import GRDB

extension ReportStore {
    /// The schema, one migration per version. Never edit a shipped migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: reports, revisions, ingests, checklists") { db in
            try db.execute(sql: """
                CREATE TABLE ingests (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    source_file TEXT NOT NULL,
                    started_at TEXT NOT NULL,
                    checklist_version TEXT NOT NULL,
                    rows_new INTEGER NOT NULL DEFAULT 0,
                    rows_revised INTEGER NOT NULL DEFAULT 0,
                    rows_unchanged INTEGER NOT NULL DEFAULT 0,
                    rows_refused INTEGER NOT NULL DEFAULT 0,
                    redacted INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE checklists (
                    kommun TEXT NOT NULL,
                    version TEXT NOT NULL,
                    definition TEXT NOT NULL,
                    stored_at TEXT NOT NULL,
                    PRIMARY KEY (kommun, version)
                );
                CREATE TABLE reports (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    reporter TEXT NOT NULL,
                    ref TEXT NOT NULL,
                    date TEXT NOT NULL,
                    precision TEXT NOT NULL,
                    time TEXT,
                    area TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    value INTEGER NOT NULL,
                    place TEXT,
                    lat REAL,
                    lon REAL,
                    note TEXT,
                    content_hash INTEGER NOT NULL,
                    checklist_version TEXT NOT NULL,
                    ingest_id INTEGER NOT NULL REFERENCES ingests(id),
                    source_file TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL,
                    seen_in INTEGER NOT NULL,
                    UNIQUE (kommun, reporter, ref)
                );
                CREATE INDEX reports_by_date ON reports (kommun, date);
                CREATE TABLE report_revisions (
                    report_id INTEGER NOT NULL REFERENCES reports(id),
                    kommun TEXT NOT NULL,
                    reporter TEXT NOT NULL,
                    ref TEXT NOT NULL,
                    date TEXT NOT NULL,
                    precision TEXT NOT NULL,
                    time TEXT,
                    area TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    value INTEGER NOT NULL,
                    place TEXT,
                    lat REAL,
                    lon REAL,
                    note TEXT,
                    checklist_version TEXT NOT NULL,
                    ingest_id INTEGER NOT NULL,
                    source_file TEXT NOT NULL,
                    source_line INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL,
                    replaced_at TEXT NOT NULL
                );
                CREATE INDEX report_revisions_by_report ON report_revisions (report_id);
                -- The database itself keeps every earlier revision of a corrected report.
                CREATE TRIGGER reports_keep_revision BEFORE UPDATE OF content_hash ON reports
                BEGIN
                    INSERT INTO report_revisions (report_id, kommun, reporter, ref, date, precision, time, area,
                        indicator, value, place, lat, lon, note, checklist_version, ingest_id, source_file,
                        source_line, ingested_at, replaced_at)
                    VALUES (OLD.id, OLD.kommun, OLD.reporter, OLD.ref, OLD.date, OLD.precision, OLD.time, OLD.area,
                        OLD.indicator, OLD.value, OLD.place, OLD.lat, OLD.lon, OLD.note, OLD.checklist_version,
                        OLD.ingest_id, OLD.source_file, OLD.source_line, OLD.ingested_at,
                        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
                END;
                """)
        }
        migrator.registerMigration("v2: declared escalations") { db in
            try db.execute(sql: """
                CREATE TABLE escalations (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    escalation TEXT NOT NULL,
                    from_date TEXT NOT NULL,
                    until_date TEXT,
                    note TEXT,
                    declared_at TEXT NOT NULL,
                    ended_at TEXT
                );
                CREATE INDEX escalations_by_kommun ON escalations (kommun, escalation);
                """)
        }
        migrator.registerMigration("v3: interventions and priorities") { db in
            try db.execute(sql: """
                CREATE TABLE interventions (
                    kommun TEXT NOT NULL,
                    id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    proposed_by TEXT NOT NULL,
                    proposed_on TEXT NOT NULL,
                    lagesbild_period TEXT,
                    areas TEXT NOT NULL,
                    indicators TEXT NOT NULL,
                    decided_by TEXT,
                    decided_on TEXT,
                    owner TEXT,
                    start_date TEXT,
                    planned_end TEXT,
                    ended_on TEXT,
                    source TEXT,
                    PRIMARY KEY (kommun, id),
                    UNIQUE (kommun, source)
                );
                CREATE TABLE intervention_events (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    intervention TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    body TEXT NOT NULL,
                    outcome TEXT,
                    comment TEXT,
                    recorded_at TEXT NOT NULL,
                    FOREIGN KEY (kommun, intervention) REFERENCES interventions (kommun, id)
                );
                CREATE INDEX intervention_events_by_intervention ON intervention_events (kommun, intervention);
                -- The history is only ever added to.
                CREATE TRIGGER intervention_events_never_updated BEFORE UPDATE ON intervention_events
                BEGIN SELECT RAISE(ABORT, 'intervention events are never changed'); END;
                CREATE TRIGGER intervention_events_never_deleted BEFORE DELETE ON intervention_events
                BEGIN SELECT RAISE(ABORT, 'intervention events are never deleted'); END;
                CREATE TABLE priorities (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    period TEXT NOT NULL,
                    areas TEXT NOT NULL,
                    decided_by TEXT NOT NULL,
                    decided_on TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX priorities_by_period ON priorities (kommun, period);
                """)
        }
        migrator.registerMigration("v4: an escalation's area") { db in
            // NULL: declared for the whole kommun, as every escalation before this version.
            try db.execute(sql: "ALTER TABLE escalations ADD COLUMN area TEXT")
        }
        migrator.registerMigration("v5: assessed area statuses") { db in
            try db.execute(sql: """
                CREATE TABLE area_statuses (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    area TEXT NOT NULL,
                    status TEXT NOT NULL,
                    body TEXT NOT NULL,
                    date TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX area_statuses_by_area ON area_statuses (kommun, area, date);
                -- The history is only ever added to.
                CREATE TRIGGER area_statuses_never_updated BEFORE UPDATE ON area_statuses
                BEGIN SELECT RAISE(ABORT, 'assessed area statuses are never changed'); END;
                CREATE TRIGGER area_statuses_never_deleted BEFORE DELETE ON area_statuses
                BEGIN SELECT RAISE(ABORT, 'assessed area statuses are never deleted'); END;
                """)
        }
        migrator.registerMigration("v6: report sources and periods") { db in
            // What the reporter delivers: NULL for observations (every earlier row, and no bytes in a row the ingest
            // writes a million of), else `statistics` or `public`; and for a statistic dated by a period its id
            // (`2026-11`) and last day (`date` holds its first).
            try db.execute(sql: """
                ALTER TABLE reports ADD COLUMN source TEXT;
                ALTER TABLE reports ADD COLUMN period TEXT;
                ALTER TABLE reports ADD COLUMN period_end TEXT;
                ALTER TABLE report_revisions ADD COLUMN source TEXT;
                ALTER TABLE report_revisions ADD COLUMN period TEXT;
                DROP TRIGGER reports_keep_revision;
                CREATE TRIGGER reports_keep_revision BEFORE UPDATE OF content_hash ON reports
                BEGIN
                    INSERT INTO report_revisions (report_id, kommun, reporter, ref, date, precision, time, area,
                        indicator, value, place, lat, lon, note, checklist_version, ingest_id, source_file,
                        source_line, ingested_at, replaced_at, source, period)
                    VALUES (OLD.id, OLD.kommun, OLD.reporter, OLD.ref, OLD.date, OLD.precision, OLD.time, OLD.area,
                        OLD.indicator, OLD.value, OLD.place, OLD.lat, OLD.lon, OLD.note, OLD.checklist_version,
                        OLD.ingest_id, OLD.source_file, OLD.source_line, OLD.ingested_at,
                        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.source, OLD.period);
                END;
                """)
        }
        migrator.registerMigration("v7: withdrawn reports without an id") { db in
            // A delivery without ids replaces its reporter's id-less rows of the days it covers; a replaced row
            // stays, with the ingest that withdrew it (NULL: current). Every query reads current rows only.
            try db.execute(sql: """
                ALTER TABLE reports ADD COLUMN withdrawn_in INTEGER;
                ALTER TABLE ingests ADD COLUMN rows_withdrawn INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v8: withdrawn corrections and nothing-to-report") { db in
            // A report with an id may be withdrawn on its own (the web form): the row stays, `withdrawn_in`
            // naming the delivery that withdrew it, as v7's id-less rows. "Inget att rapportera": a reporter's
            // word that it saw nothing in a period, which counts as reported; recorded once per period.
            // A revision is stamped with the ingest time of the row that replaced it (the clock the ingest was
            // given, `PLATFORM_NOW` included), no longer with SQLite's wall clock.
            try db.execute(sql: """
                CREATE TABLE nothing_to_report (
                    kommun TEXT NOT NULL,
                    reporter TEXT NOT NULL,
                    period TEXT NOT NULL,
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL,
                    source TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    PRIMARY KEY (kommun, reporter, period)
                );
                CREATE INDEX nothing_to_report_by_date ON nothing_to_report (kommun, start_date);
                DROP TRIGGER reports_keep_revision;
                CREATE TRIGGER reports_keep_revision BEFORE UPDATE OF content_hash ON reports
                BEGIN
                    INSERT INTO report_revisions (report_id, kommun, reporter, ref, date, precision, time, area,
                        indicator, value, place, lat, lon, note, checklist_version, ingest_id, source_file,
                        source_line, ingested_at, replaced_at, source, period)
                    VALUES (OLD.id, OLD.kommun, OLD.reporter, OLD.ref, OLD.date, OLD.precision, OLD.time, OLD.area,
                        OLD.indicator, OLD.value, OLD.place, OLD.lat, OLD.lon, OLD.note, OLD.checklist_version,
                        OLD.ingest_id, OLD.source_file, OLD.source_line, OLD.ingested_at,
                        NEW.ingested_at, OLD.source, OLD.period);
                END;
                """)
        }
        migrator.registerMigration("v9: accounts, sessions, tokens, invitations, audit log") { db in
            // Logins are stored lower-cased. Session, invitation and API token secrets are stored only as their
            // SHA-256 (hex); a calendar secret is kept as it is, since its subscription link is shown again.
            try db.execute(sql: """
                CREATE TABLE accounts (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    password_hash TEXT,
                    is_admin INTEGER NOT NULL DEFAULT 0,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    totp_secret TEXT,
                    created_at TEXT NOT NULL,
                    changed_at TEXT NOT NULL
                );
                CREATE TABLE memberships (
                    account_id INTEGER NOT NULL REFERENCES accounts(id),
                    kommun TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('reporter', 'reader', 'coordinator')),
                    reporter TEXT,
                    granted_at TEXT NOT NULL,
                    PRIMARY KEY (account_id, kommun),
                    CHECK ((role = 'reporter') = (reporter IS NOT NULL))
                );
                CREATE INDEX memberships_by_kommun ON memberships (kommun);
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES accounts(id),
                    csrf_token TEXT NOT NULL,
                    second_factor_pending INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                CREATE INDEX sessions_by_account ON sessions (account_id);
                CREATE TABLE invitations (
                    token_hash TEXT PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES accounts(id),
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL,
                    used_at TEXT
                );
                CREATE INDEX invitations_by_account ON invitations (account_id);
                CREATE TABLE api_tokens (
                    id INTEGER PRIMARY KEY,
                    kommun TEXT NOT NULL,
                    reporter TEXT,
                    name TEXT NOT NULL,
                    secret_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                );
                CREATE INDEX api_tokens_by_kommun ON api_tokens (kommun);
                CREATE TABLE calendar_secrets (
                    account_id INTEGER NOT NULL REFERENCES accounts(id),
                    kommun TEXT NOT NULL,
                    secret TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (account_id, kommun)
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    kommun TEXT,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX audit_log_by_kommun ON audit_log (kommun, id);
                -- The log is only ever added to.
                CREATE TRIGGER audit_log_never_updated BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;
                CREATE TRIGGER audit_log_never_deleted BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is never deleted from'); END;
                """)
        }
        return migrator
    }
}
