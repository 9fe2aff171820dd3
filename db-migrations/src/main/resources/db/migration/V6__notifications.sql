-- bot-service: how each room's owner wants to hear about it, and the digests already delivered.

-- Per room: 'instant' (a message per join request, the default when no row exists), 'daily' (one
-- digest a day instead) or 'off' (nothing, not even the weekly views digest).
CREATE TABLE core.notification_settings (
    channel_id BIGINT PRIMARY KEY REFERENCES core.channels (id),
    mode       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notification_settings_mode_check CHECK (mode IN ('instant', 'daily', 'off'))
);

-- One row per (owner, digest kind, period): the claim that makes a digest go out at most once,
-- whichever bot instance (or restart) gets there first. A row is claimed ('sending') before the
-- message is sent and marked 'sent' after Telegram accepted it; a failed send becomes 'failed' with
-- retry_at and is claimed again then. 'empty': nothing to report. 'rejected': Telegram refused for
-- good (the owner blocked the bot). 'unknown': the instance died mid-send; never resent.
-- period is the local date the digest is due on (DIGEST_TIME_ZONE).
CREATE TABLE core.digest_deliveries (
    id            BIGSERIAL PRIMARY KEY,
    contractor_id BIGINT      NOT NULL REFERENCES core.contractors (id),
    kind          TEXT        NOT NULL,
    period        DATE        NOT NULL,
    status        TEXT        NOT NULL,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    claimed_at    TIMESTAMPTZ,
    retry_at      TIMESTAMPTZ,
    sent_at       TIMESTAMPTZ,
    message_id    BIGINT,
    last_error    TEXT,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT digest_deliveries_key UNIQUE (contractor_id, kind, period),
    CONSTRAINT digest_deliveries_kind_check CHECK (kind IN ('daily', 'weekly')),
    CONSTRAINT digest_deliveries_status_check
        CHECK (status IN ('sending', 'sent', 'failed', 'empty', 'rejected', 'unknown'))
);
CREATE INDEX digest_deliveries_sending_idx ON core.digest_deliveries (claimed_at) WHERE status = 'sending';
