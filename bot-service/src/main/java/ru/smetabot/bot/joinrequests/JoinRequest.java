package ru.smetabot.bot.joinrequests;

import java.time.Instant;

/**
 * A request to join a room, from a chat_join_request update or found pending by the sweep (which
 * knows no names; they are filled in when Telegram tells them).
 */
public record JoinRequest(long chatId, long userId, String firstName, String lastName, String username,
        String inviteLink, Instant requestedAt, Source source) {

    public enum Source { UPDATE, SWEEP }

    public String fullName() {
        if (firstName == null) {
            return lastName;
        }
        return lastName == null ? firstName : firstName + " " + lastName;
    }
}
