package ru.smetabot.bot.notifications;

import java.util.Locale;

/** What an instant notice to a room's owner is about; the lower-case name is the metrics tag. */
public enum NoticeKind {
    /** A client left the room. */
    CLIENT_LEFT,
    /** A client was removed (kicked or banned) by an admin. */
    CLIENT_REMOVED,
    /** Someone joined by a link (or was added) without a join request the bot decided. */
    JOINED_WITHOUT_REQUEST,
    /** A file's views went from 0 to more in a refresh. */
    FIRST_VIEWS,
    /** A client pressed "✅ Ознакомлен" under a file. */
    ACKNOWLEDGED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
