-- The delivery outbox: one row per (sink, event), queued in the transaction that stores the run, so an
-- event is never lost between storing and sending. The dispatcher sends a sink's pending rows in id order.

CREATE TABLE delivery_outbox (
    id               INTEGER PRIMARY KEY,                 -- queue order: delivery order per sink (rows are never deleted, so ids only rise)
    sink             TEXT    NOT NULL,                    -- the sink's configured name
    idempotency_key  TEXT    NOT NULL,                    -- the same on every re-send of the transition
    run_id           TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('newFinding', 'resolvedFinding', 'runSummary', 'scopeError')),
    severity         TEXT    NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts         INTEGER NOT NULL,                    -- tries counted before each send
    queued_at        TEXT    NOT NULL,
    last_attempt_at  TEXT,
    delivered_at     TEXT,
    last_error       TEXT,                                -- secret-free: status line or exception type
    payload_json     TEXT    NOT NULL                     -- the event as delivered (docs/delivery.md)
) STRICT;

-- A transition is queued once per sink.
CREATE UNIQUE INDEX ux_delivery_outbox_key ON delivery_outbox (sink, idempotency_key);

-- The dispatcher's read: a sink's pending rows, oldest first.
CREATE INDEX ix_delivery_outbox_sink_state ON delivery_outbox (sink, state, id);
