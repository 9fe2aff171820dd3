package ru.smetabot.model.clients;

/** Where a client stands in a room; stored lower-case in {@code core.clients.status}. */
public enum ClientStatus {
    PENDING, ACTIVE, LEFT, BANNED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ClientStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
