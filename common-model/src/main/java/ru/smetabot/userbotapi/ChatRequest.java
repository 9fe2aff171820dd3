package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A request about one room: its administrators, its member count. */
public record ChatRequest(@NotNull @Positive Long account, @NotNull Long chatId) {
}
