package ru.smetabot.userbotapi;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An administrator of a room (the owner included). */
public record ChatAdmin(
        long userId,
        String firstName,
        String lastName,
        String username,
        @JsonProperty("isBot") boolean isBot,
        @JsonProperty("isOwner") boolean isOwner,
        String customTitle) {
}
