-- bot-service: what the bot waits for from each user (a channel title, a document, a room choice,
-- a search), so a restart or a second bot instance continues the conversation instead of forgetting
-- it. Taking a step is one DELETE ... RETURNING, so a double tap acts once on any instance.
CREATE TABLE core.bot_conversations (
    tg_user_id BIGINT PRIMARY KEY,
    step       TEXT        NOT NULL,
    payload    JSONB       NOT NULL DEFAULT '{}'::jsonb,
    expires_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX bot_conversations_expires_idx ON core.bot_conversations (expires_at);
