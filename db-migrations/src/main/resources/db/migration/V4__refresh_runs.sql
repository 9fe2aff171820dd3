-- Views refresh runs (the shared refresh routine, used by worker-service and the bot's button).
-- One row per refresh of one room. The row is also the room's lease: the partial unique index
-- below lets only one unfinished run per room exist, so no room is refreshed twice at the same
-- time, across every worker instance and the bot, without holding a database connection while
-- the userbot is asked. heartbeat_at is bumped before each userbot call; a run whose heartbeat is
-- older than the lease (a crashed process) is closed as 'abandoned' by the next run of the room.
-- retry_at is the back-off: no refresh of the room starts before it (flood wait, userbot down).

CREATE TABLE analytics.refresh_runs (
    id            BIGSERIAL PRIMARY KEY,
    channel_id    BIGINT      NOT NULL REFERENCES core.channels (id),
    trigger       TEXT        NOT NULL,
    cycle_id      TEXT,                        -- the periodic job's fire instance; null otherwise
    started_at    TIMESTAMPTZ NOT NULL,
    heartbeat_at  TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    outcome       TEXT,                        -- null while running
    reason        TEXT,                        -- why it failed, null when it did not
    detail        TEXT,
    retry_at      TIMESTAMPTZ,
    posts         INTEGER     NOT NULL DEFAULT 0,
    updated       INTEGER     NOT NULL DEFAULT 0,
    unchanged     INTEGER     NOT NULL DEFAULT 0,
    missing       INTEGER     NOT NULL DEFAULT 0,
    failed        INTEGER     NOT NULL DEFAULT 0,
    userbot_calls INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT refresh_runs_trigger_check CHECK (trigger IN ('periodic', 'on_demand', 'bot')),
    CONSTRAINT refresh_runs_outcome_check CHECK (outcome IS NULL OR outcome IN ('refreshed', 'failed', 'abandoned')),
    CONSTRAINT refresh_runs_finished_check CHECK ((finished_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX refresh_runs_one_running_idx ON analytics.refresh_runs (channel_id) WHERE finished_at IS NULL;
CREATE INDEX refresh_runs_channel_idx ON analytics.refresh_runs (channel_id, started_at DESC);
CREATE INDEX refresh_runs_started_idx ON analytics.refresh_runs (started_at DESC);
