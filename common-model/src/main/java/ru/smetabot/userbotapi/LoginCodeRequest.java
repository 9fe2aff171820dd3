package ru.smetabot.userbotapi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The code Telegram sent to the account's apps or by SMS. */
public record LoginCodeRequest(
        @NotBlank @Size(max = 64) String loginId,
        @NotBlank @Pattern(regexp = "[0-9]{3,10}", message = "must be the digits Telegram sent") String code) {
}
