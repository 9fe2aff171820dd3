package ru.smetabot.bot.rooms;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import ru.smetabot.model.events.EventLog;
import ru.smetabot.model.events.EventType;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.model.rooms.RoomRepository;

/**
 * Records rooms. Creating a channel also makes the bot an admin, so the bot's own my_chat_member
 * update can race the creator: recording is an upsert on the Telegram chat id, safe from both.
 */
@Service
public class RoomRegistry {

    private final JdbcClient jdbc;
    private final RoomRepository rooms;
    private final EventLog events;

    public RoomRegistry(JdbcClient jdbc, RoomRepository rooms, EventLog events) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.events = events;
    }

    /**
     * The room for {@code chatId}, created or reactivated for {@code contractorId}. An active room
     * keeps its owner (someone else adding the bot does not take it over) and its reading account
     * unless one is given.
     */
    public Room record(long contractorId, long chatId, String title, Long account) {
        record Recorded(long id, boolean inserted) {
        }
        Recorded recorded = jdbc.sql("""
                INSERT INTO core.channels (contractor_id, tg_chat_id, title, userbot_account_id)
                VALUES (:owner, :chat, :title, :account)
                ON CONFLICT (tg_chat_id) DO UPDATE SET
                    contractor_id = CASE WHEN core.channels.deleted THEN EXCLUDED.contractor_id ELSE core.channels.contractor_id END,
                    title = EXCLUDED.title,
                    userbot_account_id = coalesce(EXCLUDED.userbot_account_id, core.channels.userbot_account_id),
                    deleted = false,
                    updated_at = now()
                RETURNING id, (xmax = 0) AS inserted
                """)
                .param("owner", contractorId).param("chat", chatId).param("title", title).param("account", account)
                .query((rs, n) -> new Recorded(rs.getLong("id"), rs.getBoolean("inserted"))).single();
        if (recorded.inserted()) {
            events.record(EventType.ROOM_CREATED, recorded.id(), null, Map.of("tgChatId", chatId));
        }
        return rooms.findById(recorded.id()).orElseThrow();
    }

    /** The bot lost the channel: the room stays with its history, inactive. False when the chat is unknown. */
    public boolean deactivate(long chatId) {
        int changed = jdbc.sql("UPDATE core.channels SET deleted = true, updated_at = now() WHERE tg_chat_id = :chat AND NOT deleted")
                .param("chat", chatId).update();
        rooms.findByTgChatId(chatId).filter(r -> changed > 0)
                .ifPresent(r -> events.record(EventType.ROOM_DEACTIVATED, r.getId(), null, Map.of("tgChatId", chatId)));
        return changed > 0;
    }
}
