-- Shared state for several bot instances.
-- Periodic jobs that must run once per period across bot instances (join-request sweep, member reconciliation,
-- claim cleanup): one row per run, inserted in one statement under a PostgreSQL advisory lock only when the
-- job's last start is far enough back; rows older than 7 days are removed by the next run of the job.
CREATE TABLE core.job_runs (
    id          BIGSERIAL PRIMARY KEY,
    job         TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    instance    TEXT        NOT NULL
);
CREATE INDEX job_runs_job_started_idx ON core.job_runs (job, started_at DESC);

-- Who started each Mini App login (the userbot's loginId): the code and password steps may reach another bot
-- instance than the start did, and only the user who started a login may continue it.
CREATE TABLE core.mini_app_logins (
    login_id   TEXT PRIMARY KEY,
    tg_user_id BIGINT      NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX mini_app_logins_expiry_idx ON core.mini_app_logins (expires_at);
