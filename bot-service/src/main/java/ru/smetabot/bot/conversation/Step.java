package ru.smetabot.bot.conversation;

/** The one thing the bot expects next from a user. */
public sealed interface Step {

    /** After "🆕 Новый канал": the next text is the title. */
    record AwaitingTitle() implements Step {
    }

    /** "🆕 Новый канал" without a connected account: once it is connected, the title is asked for by itself. */
    record AwaitingAccount() implements Step {
    }

    /** After "🔍 Поиск по названию": the next text is part of a room title. */
    record AwaitingSearch() implements Step {
    }

    /** After "📤 Опубликовать файл": the next document goes to {@code roomId}, or asks for a room when null. */
    record AwaitingDocument(Long roomId) implements Step {
    }

    /** A document was sent; the user is choosing the room for it. */
    record PendingDocument(String fileId, String fileName, String mimeType, Long fileSize) implements Step {
    }

    /** After "➕ Новая ссылка": the next text is the link's name. */
    record AwaitingLinkName(long roomId) implements Step {
    }

    /** The link's name is given; the owner is choosing its expiry and limit. */
    record LinkDraft(long roomId, String name) implements Step {
    }

    /** After "✏️ Переименовать": the next text is the room's new title. */
    record AwaitingRoomTitle(long roomId) implements Step {
    }
}
