-- Per-room totals for the owner's screens («📢 Мои каналы» and its totals line), so a page reads its rooms'
-- rows instead of aggregating every publication and client of the owner (25 000 publications for 50 rooms x 500
-- files in the latency bench).
--   files_count   live publications (NOT deleted)
--   views_total   sum of their views
--   clients_count active clients (status 'active')
-- Kept up to date:
--   * files_count, and views_total when a publication appears or goes: triggers below, on insert, delete (per
--     statement) and a change of the deleted flag (per row; the WHEN clause keeps them out of every other update,
--     e.g. the views refresh's);
--   * views_total when counts change: the views refresh (common-model ViewsRefresher) recounts the room's views in
--     the transaction that wrote them, one statement per room (a row trigger would fire for every post);
--   * clients_count: triggers on core.clients (insert, delete, change of status or room), whoever writes it.
-- A trigger rather than each Java write site: no writer (bot, worker, a migration, an operator's SQL) can forget.
ALTER TABLE core.channels
    ADD COLUMN files_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN views_total   BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN clients_count INTEGER NOT NULL DEFAULT 0;

UPDATE core.channels c
   SET files_count   = (SELECT count(*) FROM core.publications p WHERE p.channel_id = c.id AND NOT p.deleted),
       views_total   = (SELECT coalesce(sum(p.views), 0) FROM core.publications p WHERE p.channel_id = c.id AND NOT p.deleted),
       clients_count = (SELECT count(*) FROM core.clients k WHERE k.channel_id = c.id AND k.status = 'active');

-- Inserts and deletes: one statement-level trigger each, over the statement's rows (a transition table), so a bulk
-- INSERT … SELECT updates each room's row once, not once per post.
CREATE FUNCTION core.publications_added_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE core.channels c SET files_count = c.files_count + n.files, views_total = c.views_total + n.views
      FROM (SELECT channel_id, count(*) AS files, sum(views) AS views FROM added WHERE NOT deleted
             GROUP BY channel_id) n
     WHERE c.id = n.channel_id;
    RETURN NULL;
END $$;

CREATE FUNCTION core.publications_removed_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE core.channels c SET files_count = c.files_count - n.files, views_total = c.views_total - n.views
      FROM (SELECT channel_id, count(*) AS files, sum(views) AS views FROM removed WHERE NOT deleted
             GROUP BY channel_id) n
     WHERE c.id = n.channel_id;
    RETURN NULL;
END $$;

-- A post marked deleted (or back): a row trigger, only for rows whose flag changed (the refresh's UPDATE lists the
-- column for every post, the WHEN clause keeps the others out at no cost).
CREATE FUNCTION core.publications_flag_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT OLD.deleted THEN
        UPDATE core.channels SET files_count = files_count - 1, views_total = views_total - OLD.views
         WHERE id = OLD.channel_id;
    END IF;
    IF NOT NEW.deleted THEN
        UPDATE core.channels SET files_count = files_count + 1, views_total = views_total + NEW.views
         WHERE id = NEW.channel_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER publications_added_totals AFTER INSERT ON core.publications
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION core.publications_added_totals();
CREATE TRIGGER publications_removed_totals AFTER DELETE ON core.publications
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION core.publications_removed_totals();
CREATE TRIGGER publications_flag_totals AFTER UPDATE OF deleted, channel_id ON core.publications
    FOR EACH ROW WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted OR OLD.channel_id IS DISTINCT FROM NEW.channel_id)
    EXECUTE FUNCTION core.publications_flag_totals();

CREATE FUNCTION core.clients_added_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE core.channels c SET clients_count = c.clients_count + n.clients
      FROM (SELECT channel_id, count(*) AS clients FROM added WHERE status = 'active' GROUP BY channel_id) n
     WHERE c.id = n.channel_id;
    RETURN NULL;
END $$;

CREATE FUNCTION core.clients_removed_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE core.channels c SET clients_count = c.clients_count - n.clients
      FROM (SELECT channel_id, count(*) AS clients FROM removed WHERE status = 'active' GROUP BY channel_id) n
     WHERE c.id = n.channel_id;
    RETURN NULL;
END $$;

CREATE FUNCTION core.clients_status_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'active' THEN
        UPDATE core.channels SET clients_count = clients_count - 1 WHERE id = OLD.channel_id;
    END IF;
    IF NEW.status = 'active' THEN
        UPDATE core.channels SET clients_count = clients_count + 1 WHERE id = NEW.channel_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER clients_added_totals AFTER INSERT ON core.clients
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION core.clients_added_totals();
CREATE TRIGGER clients_removed_totals AFTER DELETE ON core.clients
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION core.clients_removed_totals();
CREATE TRIGGER clients_status_totals AFTER UPDATE OF status, channel_id ON core.clients
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.channel_id IS DISTINCT FROM NEW.channel_id)
    EXECUTE FUNCTION core.clients_status_totals();
