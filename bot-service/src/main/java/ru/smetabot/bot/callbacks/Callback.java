package ru.smetabot.bot.callbacks;

/**
 * What an inline button asks for. Callback data comes back from the client untrusted: it is parsed
 * by {@link CallbackCodec} only, and every {@link RoomCallback} is checked against the presser.
 */
public sealed interface Callback {

    /** A callback about one room; the presser must own it. */
    sealed interface RoomCallback extends Callback {
        long roomId();
    }

    /** "📢 Мои каналы", page {@code page} of the room list. */
    record RoomList(int page) implements Callback {
    }

    /** "🔍 Поиск по названию": the next text is part of a room title. */
    record SearchRooms() implements Callback {
    }

    /** The room's card, page {@code page} of its files. */
    record OpenCard(long roomId, int page) implements RoomCallback {
    }

    record RefreshStats(long roomId) implements RoomCallback {
    }

    record Members(long roomId) implements RoomCallback {
    }

    record Links(long roomId) implements RoomCallback {
    }

    /** "📤 Опубликовать файл" from the card: the next document goes to this room. */
    record PublishHere(long roomId) implements RoomCallback {
    }

    /** The room chosen for the document the user just sent. */
    record PublishPending(long roomId) implements RoomCallback {
    }

    /** "🔐 Подключить аккаунт". */
    record ConnectAccount() implements Callback {
    }

    /** The account screen: connected or not, with "🔐 Подключить аккаунт" or "🔌 Отключить аккаунт". */
    record AccountInfo() implements Callback {
    }

    /** "🔌 Отключить аккаунт": the first press asks, the {@code confirmed} one logs the session out. */
    record DisconnectAccount(boolean confirmed) implements Callback {
    }

    /** A button that only shows something (the page counter). */
    record Noop() implements Callback {
    }

    /** "➕ Новая ссылка": asks for the link's name. */
    record LinkNew(long roomId) implements RoomCallback {
    }

    /** The expiry chosen for the link being created (days, 0 = never); the limit is asked next. */
    record LinkExpiry(long roomId, int expiryDays) implements RoomCallback {
    }

    /** The approvals limit chosen (0 = unlimited): creates the link. */
    record LinkLimit(long roomId, int expiryDays, int limit) implements RoomCallback {
    }

    /** Page {@code page} of the room's usable links, or of its revoked ones ({@code revoked}). */
    record LinksPage(long roomId, int page, boolean revoked) implements RoomCallback {
    }

    /** One link's card. */
    record LinkOpen(long roomId, long linkId) implements RoomCallback {
    }

    /** "⛔ Отозвать": asks first ({@code confirmed=false}), then revokes. */
    record LinkRevoke(long roomId, long linkId, boolean confirmed) implements RoomCallback {
    }

    /** Page {@code page} of "👥 Участники". */
    record MembersPage(long roomId, int page) implements RoomCallback {
    }

    /** Block ({@code block}) or unblock a client; asks first ({@code confirmed=false}). */
    record ClientBlock(long roomId, long clientId, boolean block, boolean confirmed) implements RoomCallback {
    }

    /** "❓ Помощь": the overview ({@code topic} OVERVIEW) or a few lines about one screen. */
    record Help(HelpTopic topic) implements Callback {
    }

    /** The screens "❓ Помощь" explains; {@code code} is their form in callback data. */
    enum HelpTopic {
        OVERVIEW("all"), ROOMS("rooms"), CARD("card"), MEMBERS("members"), LINKS("links"), PUBLISH("publish"),
        REPORTS("reports"), NOTIFY("notify"), ACKS("acks"), ACCOUNT("account");

        public final String code;

        HelpTopic(String code) {
            this.code = code;
        }

        /** The bundle key of the topic's button; its lines are {@code help.<code>}. */
        public String messageKey() {
            return "help.topic." + code;
        }

        static HelpTopic of(String code) {
            for (HelpTopic topic : values()) {
                if (topic.code.equals(code)) {
                    return topic;
                }
            }
            return null;
        }
    }

    /** "🔔 Уведомления" on the card: the room's notification settings. */
    record NotifySettings(long roomId) implements RoomCallback {
    }

    /** The notification mode chosen for the room: "instant", "daily" or "off" (the codec admits nothing else). */
    record NotifyMode(long roomId, String mode) implements RoomCallback {
    }

    /** "📈 График": the room's total views over time, sent as a picture. */
    record ViewsChart(long roomId) implements RoomCallback {
    }

    /** The chart of one file of the room (a button under the room's chart); the file must be the room's. */
    record FileChart(long roomId, long publicationId) implements RoomCallback {
    }

    /** Page {@code page} of the file buttons under the room's chart. */
    record ChartFiles(long roomId, int page) implements RoomCallback {
    }

    /** "📥 Экспорт": CSV documents of the room's files and of its members. */
    record Export(long roomId) implements RoomCallback {
    }

    /** "👥 Участники по дням": the room's members and joins/leaves per day, sent as a picture. */
    record MembersChart(long roomId) implements RoomCallback {
    }

    /** "🗄 В архив" on the card: asks whether to keep or remove the clients. */
    record ArchiveAsk(long roomId) implements RoomCallback {
    }

    /** The confirmed archive: revokes the links, removes the clients when {@code removeClients}. */
    record ArchiveRoom(long roomId, boolean removeClients) implements RoomCallback {
    }

    /** An archived room's card. */
    record ArchivedCard(long roomId) implements RoomCallback {
    }

    /** "♻️ Вернуть из архива". */
    record ReopenRoom(long roomId) implements RoomCallback {
    }

    /** "✏️ Переименовать": the next text is the room's new title. */
    record RenameRoom(long roomId) implements RoomCallback {
    }

    /** "🗄 Архив": page {@code page} of the owner's archived rooms. */
    record ArchivedList(int page) implements Callback {
    }

    /** "✅ Ознакомлен" under a file in the channel: pressed by a client; the post is the callback's message. */
    record Acknowledge() implements Callback {
    }

    /** "✅ Ознакомления" on the card: page {@code page} of the room's files with the button, and the room's switch. */
    record AckFiles(long roomId, int page) implements RoomCallback {
    }

    /** Who acknowledged one file of the room and who has not (page {@code page} of them); the file must be the room's. */
    record AckFile(long roomId, long publicationId, int page) implements RoomCallback {
    }

    /** "🔔 Напомнить": a message through the bot to the room's clients who have not acknowledged the file. */
    record AckRemind(long roomId, long publicationId) implements RoomCallback {
    }

    /** Turns the button under newly published files on or off for the room. */
    record AckSwitch(long roomId, boolean enabled) implements RoomCallback {
    }

    /** "⚙️ Настройки": the owner's time zone and digest hour. */
    record Settings() implements Callback {
    }

    /** Page {@code page} of the time zones to choose from. */
    record ZonePage(int page) implements Callback {
    }

    /** The zone chosen, by its index in the settings' list (validated there). */
    record ZoneChoice(int index) implements Callback {
    }

    /** The hours to choose the digests' time from. */
    record DigestHours() implements Callback {
    }

    /** The digest hour chosen (0–23, the codec admits nothing else). */
    record DigestHour(int hour) implements Callback {
    }

    /** The onboarding checklist's "🆕 Новый канал": the same as the menu button. */
    record StartNewRoom() implements Callback {
    }
}
