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
     * The room for {@code chatId}, created for {@code contractorId}, or reactivated. An existing room never
     * changes hands here (whoever makes the bot an admin again: see {@link #returnToCreator}), and keeps
     * its reading account; {@code account} is used only when it has none.
     */
    public Room record(long contractorId, long chatId, String title, Long account) {
        record Recorded(long id, boolean inserted) {
        }
        Recorded recorded = jdbc.sql("""
                INSERT INTO core.channels (contractor_id, tg_chat_id, title, userbot_account_id)
                VALUES (:owner, :chat, :title, :account)
                ON CONFLICT (tg_chat_id) DO UPDATE SET
                    title = EXCLUDED.title,
                    userbot_account_id = coalesce(core.channels.userbot_account_id, EXCLUDED.userbot_account_id),
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

    /**
     * The channel's creator (checked by the caller through getChatAdministrators) takes the room back: it becomes
     * theirs, active, read through their account.
     */
    public Room returnToCreator(long chatId, long contractorId, String title, long account) {
        long id = jdbc.sql("""
                UPDATE core.channels SET contractor_id = :owner, title = :title, userbot_account_id = :account,
                       deleted = false, updated_at = now()
                 WHERE tg_chat_id = :chat RETURNING id""")
                .param("owner", contractorId).param("title", title).param("account", account).param("chat", chatId)
                .query(Long.class).single();
        return rooms.findById(id).orElseThrow();
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
