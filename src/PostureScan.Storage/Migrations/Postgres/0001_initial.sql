-- Scan runs, the outcome of every scope of a run, and the mirror sessions the run found.
-- Times are ISO-8601 UTC text with seven fractional digits (sortable, lossless); flags are BOOLEAN.
-- Sorted text is COLLATE "C" (byte order), so runs list in the same order as in SQLite whatever the
-- database's locale.
-- Rows of a run are only ever inserted together, in one transaction, and never updated.

CREATE TABLE scan_runs (
    id           TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    started_at   TEXT    COLLATE "C" NOT NULL,
    finished_at  TEXT    COLLATE "C" NOT NULL,
    providers    TEXT    NOT NULL,  -- JSON array of provider names
    is_partial   BOOLEAN NOT NULL,
    api_calls    BIGINT  NOT NULL
);

-- "Latest run" and the newest-first listing.
CREATE INDEX ix_scan_runs_started ON scan_runs (started_at DESC, id DESC);

CREATE TABLE scope_results (
    run_id       TEXT    NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    seq          BIGINT  NOT NULL,  -- position in the run, so a reload keeps the order
    provider     TEXT    NOT NULL,
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
    error_kind   TEXT,
    error        TEXT,
    api_calls    BIGINT  NOT NULL,
    duration_ms  DOUBLE PRECISION NOT NULL,  -- fractional, so a duration round-trips to the tick
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE mirror_sessions (
    run_id                  TEXT    NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    seq                     BIGINT  NOT NULL,
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
    target_internet_facing  BOOLEAN,
    filter_id               TEXT,
    accepts_everything      BOOLEAN NOT NULL,
    direction               TEXT    NOT NULL,
    packet_length           BIGINT,
    enabled                 BOOLEAN NOT NULL,
    priority                BIGINT,
    virtual_network_id      BIGINT,
    owner_account           TEXT,
    record_json             TEXT    NOT NULL,  -- the whole normalised session; the columns above are for queries
    raw_json                TEXT,              -- the provider's own JSON, for export
    PRIMARY KEY (run_id, seq)                  -- also "sessions of a run", in order
);

-- A session is one provider object: the same id twice in one scope of one run is a collector bug.
CREATE UNIQUE INDEX ux_mirror_sessions_identity ON mirror_sessions (run_id, provider, account, region, id);
