package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The account's two-step verification password. */
public record LoginPasswordRequest(@NotBlank @Size(max = 64) String loginId, @NotBlank @Size(max = 256) String password) {

    @Override
    public String toString() {
        return "LoginPasswordRequest[loginId=" + loginId + ", password=***]";
    }
}
