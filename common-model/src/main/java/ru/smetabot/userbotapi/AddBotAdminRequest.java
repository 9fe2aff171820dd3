package ru.smetabot.userbotapi;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Make a bot an administrator of a room. Prefer {@code botUserId}; {@code botUsername} is resolved
 * once (a username lookup is rate-limited by Telegram). {@code rights} default to
 * {@link AdminRights#forRoomBot()}.
 */
public record AddBotAdminRequest(
        @NotNull @Positive Long account,
        @NotNull Long chatId,
        @Positive Long botUserId,
        @Pattern(regexp = "@?[A-Za-z][A-Za-z0-9_]{3,31}", message = "must be a bot username like @smeta_bot")
        String botUsername,
        AdminRights rights) {

    public AddBotAdminRequest {
        rights = rights == null ? AdminRights.forRoomBot() : rights;
    }

    @AssertTrue(message = "botUserId or botUsername is required")
    public boolean isBotGiven() {
        return botUserId != null || (botUsername != null && !botUsername.isBlank());
    }
}
