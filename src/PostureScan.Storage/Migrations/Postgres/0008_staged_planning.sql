-- A run's plan can grow while its discovery runs: serve fires each account's job as soon as the account's scopes
-- are known, so collection starts before the last account is listed. planning is 1 until discovery has ended;
-- until then a run whose planned scopes are all staged is not complete, and a run closed in that state stores its
-- providers as failed (their undiscovered scopes are unknown, not empty). Runs staged before this migration were
-- planned whole.

ALTER TABLE staged_runs ADD COLUMN planning BIGINT NOT NULL DEFAULT 0 CHECK (planning IN (0, 1));
