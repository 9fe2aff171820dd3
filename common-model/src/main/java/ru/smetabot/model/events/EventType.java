package ru.smetabot.model.events;

/** What can happen in a room; stored lower-case in {@code analytics.events.event_type}. */
public enum EventType {
    CLIENT_JOIN, CLIENT_LEAVE, CLIENT_BANNED, CLIENT_UNBANNED, INVITE_CREATED, INVITE_REVOKED, INVITE_USED,
    JOIN_REQUEST_DECLINED, FILE_POSTED, VIEWS_REFRESHED, ROOM_CREATED, ROOM_DEACTIVATED,
    ROOM_ARCHIVED, ROOM_REOPENED, ROOM_RENAMED,
    /** A file's views went from 0 to more in a refresh (details: publication_id, views). */
    FIRST_VIEWS;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
