-- bot-service: what an owner chose once in "⚙️ Настройки". No row (or a NULL column) = the default:
-- dates in BOT_TIME_ZONE, digests at DIGEST_TIME / DIGEST_WEEKLY_TIME. Telegram does not tell a user's zone.
CREATE TABLE core.owner_settings (
    contractor_id BIGINT PRIMARY KEY REFERENCES core.contractors (id),
    time_zone     TEXT,
    digest_hour   SMALLINT,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT owner_settings_digest_hour_check CHECK (digest_hour BETWEEN 0 AND 23)
);
