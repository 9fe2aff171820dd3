package ru.smetabot.bot.acknowledgements;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.smetabot.bot.acknowledgements.AckData.CardAcks;
import ru.smetabot.bot.acknowledgements.AckData.FileAck;
import ru.smetabot.bot.acknowledgements.AckData.Person;
import ru.smetabot.bot.acknowledgements.AckData.Post;

/**
 * The SQL of acknowledgements. Counts are of the room's active clients: someone who acknowledged and left
 * no longer counts, as the card shows "acknowledged of the clients in the room now".
 */
@Repository
public class AckStore {

    private static final String ACKED_ACTIVE = """
            (SELECT count(*) FROM core.acknowledgements a JOIN core.clients c ON c.id = a.client_id AND c.status = 'active'
              WHERE a.publication_id = p.id)""";

    private final JdbcClient jdbc;

    AckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the room's new files get the button (no row: yes; rooms older than the feature have 'off'). */
    public boolean enabled(long roomId) {
        return jdbc.sql("SELECT enabled FROM core.acknowledgement_settings WHERE channel_id = :room")
                .param("room", roomId).query(Boolean.class).optional().orElse(true);
    }

    void setEnabled(long roomId, boolean enabled) {
        jdbc.sql("""
                INSERT INTO core.acknowledgement_settings (channel_id, enabled) VALUES (:room, :enabled)
                ON CONFLICT (channel_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()""")
                .param("room", roomId).param("enabled", enabled).update();
    }

    /** The file was published with the button. */
    public void markAsked(long publicationId) {
        jdbc.sql("INSERT INTO core.acknowledgement_files (publication_id) VALUES (:p) ON CONFLICT DO NOTHING")
                .param("p", publicationId).update();
    }

    /** The post {@code messageId} of the room, just recorded, was published with the button. */
    public void markAsked(long roomId, long messageId) {
        jdbc.sql("""
                INSERT INTO core.acknowledgement_files (publication_id)
                SELECT id FROM core.publications WHERE channel_id = :room AND message_id = :message
                ON CONFLICT DO NOTHING""").param("room", roomId).param("message", messageId).update();
    }

    long activeClients(long roomId) {
        return jdbc.sql("SELECT count(*) FROM core.clients WHERE channel_id = :room AND status = 'active'")
                .param("room", roomId).query(Long.class).single();
    }

    /** Per file of the card's page (same order and page as the card), whether it asks and how many acknowledged. */
    public CardAcks card(long roomId, int page, int perPage) {
        // One statement for every card tap: the setting, the active clients (core.channels.clients_count, kept by
        // V13's triggers) and the page's files; a room without files gives one row with no file.
        boolean[] enabled = {true};
        long[] active = {0};
        List<FileAck> files = new java.util.ArrayList<>();
        jdbc.sql("""
                SELECT coalesce((SELECT s.enabled FROM core.acknowledgement_settings s WHERE s.channel_id = c.id), true)
                           AS enabled, c.clients_count, f.id, f.file_name, f.asked, f.acked
                  FROM core.channels c
                  LEFT JOIN LATERAL (
                        SELECT p.id, coalesce(p.file_name, '—') AS file_name, af.publication_id IS NOT NULL AS asked,
                        """ + ACKED_ACTIVE + """
                         AS acked
                          FROM core.publications p LEFT JOIN core.acknowledgement_files af ON af.publication_id = p.id
                         WHERE p.channel_id = c.id AND NOT p.deleted
                         ORDER BY p.posted_at DESC, p.id DESC LIMIT :limit OFFSET :offset) f ON true
                 WHERE c.id = :room""")
                .param("room", roomId).param("limit", perPage).param("offset", Math.max(page, 0) * perPage)
                .query(rs -> {
                    enabled[0] = rs.getBoolean("enabled");
                    active[0] = rs.getLong("clients_count");
                    if (rs.getObject("id") != null) {
                        files.add(new FileAck(rs.getLong("id"), rs.getString("file_name"), rs.getBoolean("asked"),
                                rs.getLong("acked")));
                    }
                });
        return new CardAcks(enabled[0], active[0], files);
    }

    long askedFiles(long roomId) {
        return jdbc.sql("""
                SELECT count(*) FROM core.publications p JOIN core.acknowledgement_files f ON f.publication_id = p.id
                 WHERE p.channel_id = :room AND NOT p.deleted""").param("room", roomId).query(Long.class).single();
    }

    /** A page of the room's files with the button, newest first. */
    List<FileAck> askedPage(long roomId, int page, int perPage) {
        return jdbc.sql("""
                SELECT p.id, coalesce(p.file_name, '—') AS file_name,
                """ + ACKED_ACTIVE + """
                 AS acked
                  FROM core.publications p JOIN core.acknowledgement_files f ON f.publication_id = p.id
                 WHERE p.channel_id = :room AND NOT p.deleted
                 ORDER BY p.posted_at DESC, p.id DESC LIMIT :limit OFFSET :offset""")
                .param("room", roomId).param("limit", perPage).param("offset", page * perPage)
                .query((rs, n) -> new FileAck(rs.getLong("id"), rs.getString("file_name"), true, rs.getLong("acked")))
                .list();
    }

    /** The room's file {@code publicationId} with the button, with its count; empty when it is not the room's. */
    Optional<FileAck> file(long roomId, long publicationId) {
        return jdbc.sql("""
                SELECT p.id, coalesce(p.file_name, '—') AS file_name,
                """ + ACKED_ACTIVE + """
                 AS acked
                  FROM core.publications p JOIN core.acknowledgement_files f ON f.publication_id = p.id
                 WHERE p.channel_id = :room AND p.id = :p""")
                .param("room", roomId).param("p", publicationId)
                .query((rs, n) -> new FileAck(rs.getLong("id"), rs.getString("file_name"), true, rs.getLong("acked")))
                .optional();
    }

    /** A page of the room's active clients: those who acknowledged first (oldest first), then the others by name. */
    List<Person> people(long roomId, long publicationId, int page, int perPage) {
        return jdbc.sql("""
                SELECT c.id, c.tg_user_id, c.full_name, c.username, a.acknowledged_at
                  FROM core.clients c
                  LEFT JOIN core.acknowledgements a ON a.client_id = c.id AND a.publication_id = :p
                 WHERE c.channel_id = :room AND c.status = 'active'
                 ORDER BY a.acknowledged_at IS NULL, a.acknowledged_at, c.full_name, c.id
                 LIMIT :limit OFFSET :offset""")
                .param("room", roomId).param("p", publicationId).param("limit", perPage).param("offset", page * perPage)
                .query((rs, n) -> person(rs.getLong("id"), rs.getLong("tg_user_id"), rs.getString("full_name"),
                        rs.getString("username"), rs.getTimestamp("acknowledged_at")))
                .list();
    }

    /** Every active client who has not acknowledged the file, for a reminder. */
    List<Person> pending(long roomId, long publicationId) {
        return jdbc.sql("""
                SELECT c.id, c.tg_user_id, c.full_name, c.username FROM core.clients c
                 WHERE c.channel_id = :room AND c.status = 'active'
                   AND NOT EXISTS (SELECT 1 FROM core.acknowledgements a WHERE a.client_id = c.id AND a.publication_id = :p)
                 ORDER BY c.full_name, c.id""")
                .param("room", roomId).param("p", publicationId)
                .query((rs, n) -> person(rs.getLong("id"), rs.getLong("tg_user_id"), rs.getString("full_name"),
                        rs.getString("username"), null))
                .list();
    }

    Long messageId(long publicationId) {
        return jdbc.sql("SELECT message_id FROM core.publications WHERE id = :p").param("p", publicationId)
                .query(Long.class).optional().orElse(null);
    }

    Optional<Instant> remindedAt(long publicationId) {
        return jdbc.sql("SELECT reminded_at FROM core.acknowledgement_files WHERE publication_id = :p")
                .param("p", publicationId).query((rs, n) -> instant(rs.getTimestamp(1))).optional()
                .flatMap(Optional::ofNullable);
    }

    /** Takes the file's reminder slot if the last reminder is older than {@code since}; false when it is not. */
    boolean claimReminder(long publicationId, Instant now, Instant since) {
        return jdbc.sql("""
                UPDATE core.acknowledgement_files SET reminded_at = :now
                 WHERE publication_id = :p AND (reminded_at IS NULL OR reminded_at <= :since)""")
                .param("p", publicationId).param("now", at(now)).param("since", at(since)).update() == 1;
    }

    /** The post a button was pressed under: its room (not deleted) and file. */
    Optional<Post> post(long tgChatId, long messageId) {
        return jdbc.sql("""
                SELECT c.id AS room_id, c.contractor_id, c.title, p.id AS publication_id,
                       coalesce(p.file_name, '—') AS file_name, coalesce(s.enabled, true) AS enabled
                  FROM core.channels c
                  JOIN core.publications p ON p.channel_id = c.id AND p.message_id = :message
                  LEFT JOIN core.acknowledgement_settings s ON s.channel_id = c.id
                 WHERE c.tg_chat_id = :chat AND NOT c.deleted""")
                .param("chat", tgChatId).param("message", messageId)
                .query((rs, n) -> new Post(rs.getLong("room_id"), rs.getLong("contractor_id"), rs.getString("title"),
                        rs.getLong("publication_id"), rs.getString("file_name"), rs.getBoolean("enabled")))
                .optional();
    }

    /** The client's id in the room when they are in it now. */
    Optional<Person> activeClient(long roomId, long tgUserId) {
        return jdbc.sql("""
                SELECT id, tg_user_id, full_name, username FROM core.clients
                 WHERE channel_id = :room AND tg_user_id = :user AND status = 'active'""")
                .param("room", roomId).param("user", tgUserId)
                .query((rs, n) -> person(rs.getLong("id"), rs.getLong("tg_user_id"), rs.getString("full_name"),
                        rs.getString("username"), null))
                .optional();
    }

    /** Records the press; empty when this client had already acknowledged this file (nothing changes). */
    Optional<Instant> record(long publicationId, long clientId, Instant now) {
        return jdbc.sql("""
                INSERT INTO core.acknowledgements (publication_id, client_id, acknowledged_at) VALUES (:p, :client, :now)
                ON CONFLICT (publication_id, client_id) DO NOTHING RETURNING acknowledged_at""")
                .param("p", publicationId).param("client", clientId).param("now", at(now))
                .query((rs, n) -> instant(rs.getTimestamp(1))).optional();
    }

    Optional<Instant> acknowledgedAt(long publicationId, long clientId) {
        return jdbc.sql("SELECT acknowledged_at FROM core.acknowledgements WHERE publication_id = :p AND client_id = :client")
                .param("p", publicationId).param("client", clientId).query((rs, n) -> instant(rs.getTimestamp(1))).optional();
    }

    private static Person person(long id, long tgUserId, String fullName, String username, Timestamp at) {
        return new Person(id, tgUserId, fullName, username, instant(at));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
