package ru.smetabot.bot.conversation;

/** The one thing the bot expects next from a user. */
public sealed interface Step {

    /** After "🆕 Новый канал": the next text is the title. */
    record AwaitingTitle() implements Step {
    }

    /** After "📤 Опубликовать файл": the next document goes to {@code roomId}, or asks for a room when null. */
    record AwaitingDocument(Long roomId) implements Step {
    }

    /** A document was sent; the user is choosing the room for it. */
    record PendingDocument(String fileId, String fileName, String mimeType, Long fileSize) implements Step {
    }
}
