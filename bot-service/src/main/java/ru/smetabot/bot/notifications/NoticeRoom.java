package ru.smetabot.bot.notifications;

/**
 * A room as the join-request and member paths need it, read in one statement ({@link NoticeRooms}): what a decision
 * checks (archived) and what the owner's notice needs (title, the owner's Telegram id and language, the room's
 * notification mode). {@code ownerTgUserId} is null when the owner's row is missing (no notice then).
 */
public record NoticeRoom(long id, long contractorId, String title, boolean archived, Long ownerTgUserId,
        String ownerLanguage, NotificationMode mode) {

    /** Whether the owner hears about this room as things happen ("⚡ Сразу"). */
    public boolean notifiesInstantly() {
        return mode == NotificationMode.INSTANT;
    }
}
