package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Approve or decline one pending join request (request and answer). */
public record JoinRequestDecision(
        @NotNull @Positive Long account,
        @NotNull Long chatId,
        @NotNull @Positive Long userId,
        boolean approve) {
}
