-- Closing a project: an owner archives a room. Its links are revoked in Telegram, its clients may be
-- removed, and it leaves the active room list, but its files, members and history stay (and export).
-- NULL: the room is active. Reopening sets it back to NULL.
ALTER TABLE core.channels ADD COLUMN archived_at TIMESTAMPTZ;

-- "🗄 Архив" lists an owner's archived rooms, newest archived first.
CREATE INDEX channels_archived_idx ON core.channels (contractor_id, archived_at DESC) WHERE archived_at IS NOT NULL;
