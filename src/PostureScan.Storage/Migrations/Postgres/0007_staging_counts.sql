-- A staged run counts its planned and staged scopes on its own row, which every staging updates anyway:
-- reading a run's progress after each scope no longer counts the run's scopes, which cost a run of n
-- scopes n * n row reads. Runs staged before this migration get their counts here.

ALTER TABLE staged_runs ADD COLUMN planned BIGINT NOT NULL DEFAULT 0;
ALTER TABLE staged_runs ADD COLUMN staged BIGINT NOT NULL DEFAULT 0;

UPDATE staged_runs SET
    planned = (SELECT COUNT(*) FROM staged_scopes s WHERE s.run_id = staged_runs.run_id),
    staged = (SELECT COUNT(*) FROM staged_scopes s WHERE s.run_id = staged_runs.run_id AND s.status IS NOT NULL);
