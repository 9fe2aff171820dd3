package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Start connecting a Telegram account. {@code account} is the Telegram user id the session must
 * belong to: a login that ends as a different user is refused and discarded.
 */
public record LoginStartRequest(
        @NotNull @Positive Long account,
        @NotNull @Pattern(regexp = "\\+?[0-9]{7,15}", message = "must be a phone number in international format, e.g. +79991234567")
        String phone) {
}
