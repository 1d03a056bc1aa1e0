-- Runs being collected by scheduled scope jobs. A staged run holds its plan (every scope it will collect)
-- and, as each scope job finishes, that scope's result and sessions. Committing moves it into scan_runs
-- and deletes the staging rows in the same transaction; until then nothing of it is visible as a run.

CREATE TABLE staged_runs (
    run_id      TEXT NOT NULL PRIMARY KEY,
    started_at  TEXT NOT NULL,
    providers   TEXT NOT NULL  -- JSON array of provider names
) STRICT;

-- One row per planned scope; status is null until the scope's job has staged a result.
CREATE TABLE staged_scopes (
    run_id       TEXT    NOT NULL REFERENCES staged_runs (run_id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    provider     TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    status       TEXT    CHECK (status IN ('ok', 'failed')),
    error_kind   TEXT,
    error        TEXT,
    api_calls    INTEGER NOT NULL,
    duration_ms  REAL    NOT NULL,
    attempts     INTEGER NOT NULL,  -- how many times a result was staged (a recovered job stages again)
    staged_at    TEXT,
    PRIMARY KEY (run_id, seq)
) STRICT;

CREATE UNIQUE INDEX ux_staged_scopes_scope ON staged_scopes (run_id, provider, account, region);

CREATE TABLE staged_sessions (
    run_id       TEXT    NOT NULL,
    scope_seq    INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    record_json  TEXT    NOT NULL,
    raw_json     TEXT,
    PRIMARY KEY (run_id, scope_seq, seq),
    FOREIGN KEY (run_id, scope_seq) REFERENCES staged_scopes (run_id, seq) ON DELETE CASCADE
) STRICT;
