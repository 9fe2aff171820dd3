package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Create a broadcast channel owned by the connected account. */
public record CreateRoomRequest(
        @NotNull @Positive Long account,
        @NotBlank @Size(max = 128) String title,
        @Size(max = 255) String about) {
}
