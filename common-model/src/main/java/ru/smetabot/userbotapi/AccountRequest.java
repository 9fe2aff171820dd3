package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A request about one connected account (logout). */
public record AccountRequest(@NotNull @Positive Long account) {
}
