-- Per-room totals for the owner's screens («📢 Мои каналы» and its totals line), so a page reads its rooms'
-- rows instead of aggregating every publication and client of the owner (25 000 publications for 50 rooms x 500
-- files in the latency bench).
--   files_count   live publications (NOT deleted)
--   views_total   sum of their views
--   clients_count active clients (status 'active')
-- Kept up to date:
--   * files_count, and views_total when a publication appears or goes: row triggers below, on insert, delete and a
--     change of the deleted flag (the WHEN clause keeps them out of every other update, e.g. the views refresh's);
--   * views_total when counts change: the views refresh (common-model ViewsRefresher) recounts the room's views in
--     the transaction that wrote them, one statement per room (a row trigger would fire for every post);
--   * clients_count: a row trigger on core.clients (insert, delete, change of status or room), whoever writes it.
-- A trigger rather than each Java write site: no writer (bot, worker, a migration, an operator's SQL) can forget.
ALTER TABLE core.channels
    ADD COLUMN files_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN views_total   BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN clients_count INTEGER NOT NULL DEFAULT 0;

UPDATE core.channels c
   SET files_count   = (SELECT count(*) FROM core.publications p WHERE p.channel_id = c.id AND NOT p.deleted),
       views_total   = (SELECT coalesce(sum(p.views), 0) FROM core.publications p WHERE p.channel_id = c.id AND NOT p.deleted),
       clients_count = (SELECT count(*) FROM core.clients k WHERE k.channel_id = c.id AND k.status = 'active');

CREATE FUNCTION core.publications_room_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.deleted THEN
        UPDATE core.channels SET files_count = files_count - 1, views_total = views_total - OLD.views
         WHERE id = OLD.channel_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NOT NEW.deleted THEN
        UPDATE core.channels SET files_count = files_count + 1, views_total = views_total + NEW.views
         WHERE id = NEW.channel_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER publications_room_totals_insert_delete AFTER INSERT OR DELETE ON core.publications
    FOR EACH ROW EXECUTE FUNCTION core.publications_room_totals();
CREATE TRIGGER publications_room_totals_update AFTER UPDATE OF deleted, channel_id ON core.publications
    FOR EACH ROW WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted OR OLD.channel_id IS DISTINCT FROM NEW.channel_id)
    EXECUTE FUNCTION core.publications_room_totals();

CREATE FUNCTION core.clients_room_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
        UPDATE core.channels SET clients_count = clients_count - 1 WHERE id = OLD.channel_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' THEN
        UPDATE core.channels SET clients_count = clients_count + 1 WHERE id = NEW.channel_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER clients_room_totals_insert_delete AFTER INSERT OR DELETE ON core.clients
    FOR EACH ROW EXECUTE FUNCTION core.clients_room_totals();
CREATE TRIGGER clients_room_totals_update AFTER UPDATE OF status, channel_id ON core.clients
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.channel_id IS DISTINCT FROM NEW.channel_id)
    EXECUTE FUNCTION core.clients_room_totals();
