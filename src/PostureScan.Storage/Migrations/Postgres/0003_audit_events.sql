-- Audit events, stored once each whichever run or source read them; checkpoints and the time covered per
-- audit source; and, per run, what each source read and the attribution of every session.

CREATE TABLE audit_events (
    event_key     TEXT COLLATE "C" NOT NULL PRIMARY KEY,  -- the provider's event id, or a hash of a record that has none
    platform      TEXT NOT NULL,
    time          TEXT COLLATE "C" NOT NULL,
    event_name    TEXT NOT NULL,
    action        TEXT NOT NULL,
    outcome       TEXT NOT NULL,
    actor         TEXT NOT NULL,
    source_ip     TEXT NOT NULL,
    account       TEXT,
    region        TEXT,
    source        TEXT NOT NULL,              -- the audit source that read it first
    first_run_id  TEXT NOT NULL,              -- the run that stored it (events outlive runs: no foreign key)
    record_json   TEXT NOT NULL               -- the whole normalised event, with the record as logged
);

CREATE INDEX ix_audit_events_time ON audit_events (time, event_key);

CREATE TABLE audit_checkpoints (
    source             TEXT NOT NULL,
    key                TEXT COLLATE "C" NOT NULL,  -- a scope key, or a file path for file sources
    position           TEXT NOT NULL,  -- opaque to all but the source
    newest_event_time  TEXT,
    run_id             TEXT NOT NULL,  -- the run that advanced it
    PRIMARY KEY (source, key)
);

-- The span of time each source has answered for, per scope, over every committed run.
CREATE TABLE audit_coverage (
    source        TEXT NOT NULL,
    provider      TEXT NOT NULL,
    account       TEXT NOT NULL,
    region        TEXT NOT NULL,
    window_start  TEXT NOT NULL,
    window_end    TEXT NOT NULL,
    PRIMARY KEY (source, provider, account, region)
);

CREATE TABLE audit_source_runs (
    run_id        TEXT    NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    seq           BIGINT  NOT NULL,
    source        TEXT    NOT NULL,
    provider      TEXT,              -- null for the line about the whole source
    account       TEXT,
    region        TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    failure_kind  TEXT,
    failure       TEXT,
    window_start  TEXT,
    window_end    TEXT,
    records       BIGINT  NOT NULL,
    matched       BIGINT  NOT NULL,
    malformed     BIGINT  NOT NULL,
    stored        BIGINT  NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE session_attributions (
    run_id       TEXT    NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    seq          BIGINT  NOT NULL,
    session_id   TEXT    NOT NULL,
    provider     TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    state        TEXT    NOT NULL,  -- the session's own state; its parts are in record_json
    actor        TEXT,
    source_ip    TEXT,
    created_at   TEXT,
    record_json  TEXT    NOT NULL,  -- the session and every part with its events
    PRIMARY KEY (run_id, seq)
);

-- A session's attribution across runs.
CREATE INDEX ix_session_attributions_session ON session_attributions (session_id, run_id);

-- Run-level evidence: mirrors seen only in the logs, refused calls, and which audit scopes were read.
CREATE TABLE audit_run_evidence (
    run_id           TEXT NOT NULL PRIMARY KEY REFERENCES scan_runs (id) ON DELETE CASCADE,
    deleted_mirrors  TEXT NOT NULL,  -- JSON array
    failed_attempts  TEXT NOT NULL,  -- JSON array
    scopes           TEXT NOT NULL   -- JSON array of audit scope statuses
);
