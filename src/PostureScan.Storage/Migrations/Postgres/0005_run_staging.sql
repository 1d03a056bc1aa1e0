-- Runs being collected by scheduled scope jobs (see Sqlite/0005_run_staging.sql): the plan, each scope's
-- result as its job finishes, and its sessions. The commit moves a run into scan_runs and deletes these
-- rows in one transaction.

CREATE TABLE staged_runs (
    run_id      TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    started_at  TEXT COLLATE "C" NOT NULL,
    providers   TEXT NOT NULL  -- JSON array of provider names
);

-- One row per planned scope; status is null until the scope's job has staged a result.
CREATE TABLE staged_scopes (
    run_id       TEXT    NOT NULL REFERENCES staged_runs (run_id) ON DELETE CASCADE,
    seq          BIGINT  NOT NULL,
    provider     TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    status       TEXT    CHECK (status IN ('ok', 'failed')),
    error_kind   TEXT,
    error        TEXT,
    api_calls    BIGINT  NOT NULL,
    duration_ms  DOUBLE PRECISION NOT NULL,
    attempts     BIGINT  NOT NULL,  -- how many times a result was staged (a recovered job stages again)
    staged_at    TEXT,
    PRIMARY KEY (run_id, seq)
);

CREATE UNIQUE INDEX ux_staged_scopes_scope ON staged_scopes (run_id, provider, account, region);

CREATE TABLE staged_sessions (
    run_id       TEXT    NOT NULL,
    scope_seq    BIGINT  NOT NULL,
    seq          BIGINT  NOT NULL,
    record_json  TEXT    NOT NULL,
    raw_json     TEXT,
    PRIMARY KEY (run_id, scope_seq, seq),
    FOREIGN KEY (run_id, scope_seq) REFERENCES staged_scopes (run_id, seq) ON DELETE CASCADE
);
