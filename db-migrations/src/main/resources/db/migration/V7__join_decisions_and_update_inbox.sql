-- bot-service: nothing lost, nothing wrongly recorded (issue 15).

-- A join-request decision made durable before Telegram is asked. Under the link's row lock, in a short
-- transaction, the decision is written 'decided' (an approval reserves its slot: invites.approved_count
-- is raised then, so a limit of 1 admits one person whatever happens next). Telegram is called outside
-- any transaction; the outcome is recorded in its own transaction ('applied', or 'abandoned' when
-- Telegram did not admit the person: the reserved slot is given back). A decision left 'decided' (the
-- process died, the database failed after Telegram answered) is completed by the reconciliation that
-- runs with the join-request sweep, which asks Telegram (getChatMember) what became of the person.
CREATE TABLE core.join_decisions (
    id           BIGSERIAL PRIMARY KEY,
    channel_id   BIGINT      NOT NULL REFERENCES core.channels (id),
    invite_id    BIGINT      NOT NULL REFERENCES core.invites (id),
    tg_chat_id   BIGINT      NOT NULL,
    tg_user_id   BIGINT      NOT NULL,
    verdict      TEXT        NOT NULL,
    state        TEXT        NOT NULL DEFAULT 'decided',
    source       TEXT        NOT NULL,
    username     TEXT,
    full_name    TEXT,
    requested_at TIMESTAMPTZ,
    decided_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    outcome      TEXT,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT join_decisions_state_check CHECK (state IN ('decided', 'applied', 'abandoned'))
);
-- At most one open decision per person and room: a redelivery or the sweep completes it, never doubles it.
CREATE UNIQUE INDEX join_decisions_open_key ON core.join_decisions (channel_id, tg_user_id) WHERE state = 'decided';
CREATE INDEX join_decisions_invite_idx ON core.join_decisions (invite_id);

-- Update de-duplication keyed on (update_id, content hash): Telegram restarts update_id at a random value
-- after a week without updates, so an id alone could silence the bot; a redelivery carries the same
-- content, a new update that reuses an id does not. The row is also the parked update: written
-- ('received', with the update's JSON) before the batch is confirmed to Telegram, taken ('handling') by
-- the lane that handles it, then 'handled'; a failure leaves it 'retry' for the scheduled retries.
ALTER TABLE core.processed_updates DROP CONSTRAINT processed_updates_pkey;
ALTER TABLE core.processed_updates
    ADD COLUMN content_hash    TEXT        NOT NULL DEFAULT '',
    ADD COLUMN state           TEXT        NOT NULL DEFAULT 'handled',
    ADD COLUMN payload         TEXT,
    ADD COLUMN attempts        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    ADD COLUMN last_error      TEXT,
    ADD CONSTRAINT processed_updates_state_check CHECK (state IN ('received', 'handling', 'handled', 'retry', 'failed'));
ALTER TABLE core.processed_updates ADD PRIMARY KEY (update_id, content_hash);
CREATE INDEX processed_updates_open_idx ON core.processed_updates (next_attempt_at) WHERE state IN ('received', 'handling', 'retry');

-- Updates the client library could not parse: kept for inspection, confirmed past so the bot goes on.
CREATE TABLE core.unparsed_updates (
    id          BIGSERIAL PRIMARY KEY,
    update_id   BIGINT,
    raw_json    TEXT        NOT NULL,
    error       TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
