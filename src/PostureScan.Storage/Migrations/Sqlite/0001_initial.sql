-- Scan runs, the outcome of every scope of a run, and the mirror sessions the run found.
-- Times are ISO-8601 UTC text with seven fractional digits (sortable, lossless); booleans are 0/1.
-- Rows of a run are only ever inserted together, in one transaction, and never updated.

CREATE TABLE scan_runs (
    id           TEXT    NOT NULL PRIMARY KEY,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT    NOT NULL,
    providers    TEXT    NOT NULL,  -- JSON array of provider names
    is_partial   INTEGER NOT NULL CHECK (is_partial IN (0, 1)),
    api_calls    INTEGER NOT NULL
) STRICT;

-- "Latest run" and the newest-first listing.
CREATE INDEX ix_scan_runs_started ON scan_runs (started_at DESC, id DESC);

CREATE TABLE scope_results (
    run_id       TEXT    NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,  -- position in the run, so a reload keeps the order
    provider     TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    error_kind   TEXT,
    error        TEXT,
    api_calls    INTEGER NOT NULL,
    duration_ms  REAL    NOT NULL,  -- fractional, so a duration round-trips to the tick
    PRIMARY KEY (run_id, seq)
) STRICT;

CREATE TABLE mirror_sessions (
    run_id                  TEXT    NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    seq                     INTEGER NOT NULL,
    id                      TEXT    NOT NULL,
    provider                TEXT    NOT NULL,
    account                 TEXT    NOT NULL,
    region                  TEXT    NOT NULL,
    name                    TEXT,
    description             TEXT,
    target_id               TEXT,
    target_kind             TEXT,
    target_resource_id      TEXT,
    target_address          TEXT,
    target_dns              TEXT,
    target_owner            TEXT,
    target_internet_facing  INTEGER CHECK (target_internet_facing IN (0, 1)),
    filter_id               TEXT,
    accepts_everything      INTEGER NOT NULL CHECK (accepts_everything IN (0, 1)),
    direction               TEXT    NOT NULL,
    packet_length           INTEGER,
    enabled                 INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    priority                INTEGER,
    virtual_network_id      INTEGER,
    owner_account           TEXT,
    record_json             TEXT    NOT NULL,  -- the whole normalised session; the columns above are for queries
    raw_json                TEXT,              -- the provider's own JSON, for export
    PRIMARY KEY (run_id, seq)                  -- also "sessions of a run", in order
) STRICT;

-- A session is one provider object: the same id twice in one scope of one run is a collector bug.
CREATE UNIQUE INDEX ux_mirror_sessions_identity ON mirror_sessions (run_id, provider, account, region, id);
