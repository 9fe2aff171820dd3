-- bot-service: "✅ Ознакомлен" under files the bot publishes, and who pressed it.

-- Per room: whether files the bot publishes carry the button. No row: on (new rooms). Rooms that existed
-- before this migration get a row with 'off': their owners never chose a new button in their clients' channel.
CREATE TABLE core.acknowledgement_settings (
    channel_id BIGINT PRIMARY KEY REFERENCES core.channels (id),
    enabled    BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO core.acknowledgement_settings (channel_id, enabled) SELECT id, false FROM core.channels;

-- A file published with the button (the card counts only these), and when the owner last reminded
-- those who had not pressed it (at most once per SMETABOT_ACK_REMIND_INTERVAL).
CREATE TABLE core.acknowledgement_files (
    publication_id BIGINT PRIMARY KEY REFERENCES core.publications (id),
    asked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    reminded_at    TIMESTAMPTZ
);

-- One press per client and file; a second press changes nothing.
CREATE TABLE core.acknowledgements (
    id              BIGSERIAL PRIMARY KEY,
    publication_id  BIGINT      NOT NULL REFERENCES core.publications (id),
    client_id       BIGINT      NOT NULL REFERENCES core.clients (id),
    acknowledged_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT acknowledgements_file_client_key UNIQUE (publication_id, client_id)
);
CREATE INDEX acknowledgements_client_idx ON core.acknowledgements (client_id);
CREATE INDEX acknowledgements_time_idx ON core.acknowledgements (acknowledged_at);
