-- Policy evaluations: the findings of a run under a policy, written with the run in its transaction.
-- A run without a row here was not evaluated; a row with no findings was evaluated and found nothing.

CREATE TABLE policy_evaluations (
    run_id         TEXT NOT NULL PRIMARY KEY REFERENCES scan_runs (id) ON DELETE CASCADE,
    policy         TEXT NOT NULL,  -- the policy file it was evaluated against
    evaluated_at   TEXT NOT NULL,
    not_evaluated  TEXT NOT NULL   -- JSON array of {checkId, reason}: checks whose input was not collected
);

CREATE TABLE findings (
    run_id       TEXT    NOT NULL REFERENCES policy_evaluations (run_id) ON DELETE CASCADE,
    seq          BIGINT  NOT NULL,  -- position in the evaluation, so a reload keeps the order
    id           TEXT    NOT NULL,  -- stable across runs: hash of check id and resource id
    check_id     TEXT    NOT NULL,
    severity     TEXT    NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
    status       TEXT    NOT NULL CHECK (status IN ('new', 'open', 'resolved', 'suppressed', 'error')),
    resource_id  TEXT    NOT NULL,
    provider     TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    first_seen   TEXT    NOT NULL,
    last_seen    TEXT    NOT NULL,
    record_json  TEXT    NOT NULL,  -- the whole finding; the columns above are for queries
    PRIMARY KEY (run_id, seq)
);

-- One verdict per finding per run.
CREATE UNIQUE INDEX ux_findings_identity ON findings (run_id, id);

-- A finding's history across runs.
CREATE INDEX ix_findings_id ON findings (id, run_id);
