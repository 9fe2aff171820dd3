-- Periodic jobs that must run once per period across bot instances (join-request sweep, member reconciliation,
-- claim cleanup): the last start of each, claimed in one statement under a PostgreSQL advisory lock.
CREATE TABLE core.job_runs (
    job         TEXT PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    instance    TEXT        NOT NULL
);
