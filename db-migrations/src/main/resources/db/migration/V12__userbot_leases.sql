-- userbot-service on several instances: each account's Telegram session is open on exactly one instance.

-- Who holds each account. An instance opens an account's TDLib client (or sandbox session) only while it holds the
-- row: taken in one statement when there is none or it expired, renewed every USERBOT_LEASE_TTL/3, expired at once
-- on a graceful stop (released_at set). fencing_token grows by one on every change of holder and never goes back (a release keeps the
-- row), so a holder that was paused past its expiry cannot renew what another instance took over.
CREATE TABLE core.userbot_leases (
    account_id    BIGINT PRIMARY KEY,
    instance_id   TEXT        NOT NULL,
    instance_url  TEXT        NOT NULL,
    fencing_token BIGINT      NOT NULL,
    acquired_at   TIMESTAMPTZ NOT NULL,
    renewed_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    released_at   TIMESTAMPTZ
);
CREATE INDEX userbot_leases_instance_idx ON core.userbot_leases (instance_id);

-- Logins in progress (phone -> code -> 2FA password), so the code and password steps may reach any instance.
-- The loginId is a bearer capability: only its SHA-256 is stored. One attempt per account.
CREATE TABLE core.userbot_login_attempts (
    login_id_sha256 TEXT PRIMARY KEY,
    account_id      BIGINT      NOT NULL UNIQUE,
    step            TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX userbot_login_attempts_expiry_idx ON core.userbot_login_attempts (expires_at);

-- USERBOT_GATEWAY=sandbox (local runs and tests only): the sandbox's session token of each connected account, and
-- the phone and phone_code_hash of a login waiting for its code, so another instance can take the account over.
CREATE TABLE core.userbot_sandbox_sessions (
    account_id      BIGINT PRIMARY KEY,
    session_token   TEXT,
    phone           TEXT,
    phone_code_hash TEXT,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
