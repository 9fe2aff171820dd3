package ru.smetabot.bot.session;

import java.time.Instant;

/**
 * The verified part of a Mini App's {@code initData}: who opened the page. Only this identifies the
 * account being connected; nothing the page sends on its own is trusted for that.
 */
public record InitData(long userId, String firstName, String username, String languageCode, Instant authDate) {

    /** "@username", or the first name for users without one. */
    public String displayName() {
        return username == null || username.isBlank() ? firstName : "@" + username;
    }
}
