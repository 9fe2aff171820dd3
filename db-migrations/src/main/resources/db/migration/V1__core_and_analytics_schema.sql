-- SmetaBot schema: rooms (Telegram channels), the files published in them, the people who joined,
-- the invite links they used, and the history of view counts. Forward-only: never edit a released
-- migration, add a new one.

CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS analytics;

-- A Telegram user who owns rooms.
CREATE TABLE core.contractors (
    id            BIGSERIAL PRIMARY KEY,
    tg_user_id    BIGINT      NOT NULL,
    username      TEXT,
    full_name     TEXT,
    language_code TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT contractors_tg_user_id_key UNIQUE (tg_user_id)
);

-- A room: one private channel per client project.
CREATE TABLE core.channels (
    id                 BIGSERIAL PRIMARY KEY,
    contractor_id      BIGINT      NOT NULL REFERENCES core.contractors (id),
    tg_chat_id         BIGINT      NOT NULL,   -- Bot API form, -100...
    title              TEXT        NOT NULL,
    username           TEXT,
    -- Telegram user id of the connected account (userbot session) that reads this room's views.
    userbot_account_id BIGINT,
    deleted            BOOLEAN     NOT NULL DEFAULT false,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT channels_tg_chat_id_key UNIQUE (tg_chat_id)
);
CREATE INDEX channels_contractor_idx ON core.channels (contractor_id);

-- A file posted in a room.
CREATE TABLE core.publications (
    id                 BIGSERIAL PRIMARY KEY,
    channel_id         BIGINT      NOT NULL REFERENCES core.channels (id),
    message_id         BIGINT      NOT NULL,
    file_name          TEXT,
    mime_type          TEXT,
    file_size          BIGINT,
    file_id            TEXT,
    posted_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    views              INTEGER     NOT NULL DEFAULT 0,
    views_refreshed_at TIMESTAMPTZ,
    deleted            BOOLEAN     NOT NULL DEFAULT false,
    CONSTRAINT publications_channel_message_key UNIQUE (channel_id, message_id),
    CONSTRAINT publications_views_check CHECK (views >= 0)
);
CREATE INDEX publications_live_idx ON core.publications (channel_id, posted_at DESC) WHERE NOT deleted;

-- Append-only view history, written only when a count changed; feeds the charts.
CREATE TABLE analytics.view_snapshots (
    id             BIGSERIAL PRIMARY KEY,
    publication_id BIGINT      NOT NULL REFERENCES core.publications (id),
    captured_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    views          INTEGER     NOT NULL
);
CREATE INDEX view_snapshots_publication_idx ON analytics.view_snapshots (publication_id, captured_at);

-- Invite links. Telegram forbids member_limit together with join requests, so the approvals
-- limit is ours to enforce.
CREATE TABLE core.invites (
    id                   BIGSERIAL PRIMARY KEY,
    channel_id           BIGINT      NOT NULL REFERENCES core.channels (id),
    invite_link          TEXT        NOT NULL,
    name                 VARCHAR(32),
    creates_join_request BOOLEAN     NOT NULL DEFAULT true,
    approvals_limit      INTEGER,
    approved_count       INTEGER     NOT NULL DEFAULT 0,
    declined_count       INTEGER     NOT NULL DEFAULT 0,
    expires_at           TIMESTAMPTZ,
    revoked_at           TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT invites_invite_link_key UNIQUE (invite_link),
    CONSTRAINT invites_approvals_limit_check CHECK (approvals_limit IS NULL OR approvals_limit > 0)
);
CREATE INDEX invites_channel_idx ON core.invites (channel_id);

-- People who joined a room. One row per (room, Telegram user): registering is an idempotent upsert.
CREATE TABLE core.clients (
    id         BIGSERIAL PRIMARY KEY,
    channel_id BIGINT      NOT NULL REFERENCES core.channels (id),
    invite_id  BIGINT      REFERENCES core.invites (id),
    tg_user_id BIGINT      NOT NULL,
    username   TEXT,
    full_name  TEXT,
    status     TEXT        NOT NULL DEFAULT 'active',
    joined_at  TIMESTAMPTZ,
    left_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT clients_channel_user_key UNIQUE (channel_id, tg_user_id),
    CONSTRAINT clients_status_check CHECK (status IN ('pending', 'active', 'left', 'banned'))
);
CREATE INDEX clients_invite_idx ON core.clients (invite_id);

-- What happened, for the owner's history and for digests.
CREATE TABLE analytics.events (
    id         BIGSERIAL PRIMARY KEY,
    event_type TEXT        NOT NULL,
    channel_id BIGINT      REFERENCES core.channels (id),
    client_id  BIGINT      REFERENCES core.clients (id),
    details    JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX events_channel_idx ON analytics.events (channel_id, created_at);

-- Bot API update ids already handled, so a redelivered update never acts twice.
CREATE TABLE core.processed_updates (
    update_id    BIGINT PRIMARY KEY,
    update_type  TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX processed_updates_time_idx ON core.processed_updates (processed_at);
