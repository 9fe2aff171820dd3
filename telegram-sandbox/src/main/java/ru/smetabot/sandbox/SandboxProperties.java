package ru.smetabot.sandbox;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox settings.
 *
 * @param bots               bots known at start-up, {@code token=username,token2=username2} (env {@code SANDBOX_BOTS})
 * @param viewCooldown       how long before a repeat view of a post by the same viewer counts again
 * @param ownChannelPostsAsUpdates whether a bot also receives {@code channel_post} for its own posts (Telegram
 *                           does not send a bot its own messages, so false by default)
 * @param loginCode          the only sign-in code the MTProto side accepts
 * @param loginCodeTtl       how long a sent sign-in code stays valid
 * @param callbackAnswerWindow how long after the press a callback query can still be answered (Telegram's window
 *                           is undocumented; see the README)
 * @param dataDir            where the world is kept across restarts (env {@code SANDBOX_DATA_DIR}); unset or
 *                           blank: in memory only, as in tests
 * @param saveDelay          how soon after a change the world is saved (at most that much is lost in a crash)
 */
@ConfigurationProperties(prefix = "sandbox")
public record SandboxProperties(
        @DefaultValue("") String bots,
        @DefaultValue("24h") Duration viewCooldown,
        @DefaultValue("false") boolean ownChannelPostsAsUpdates,
        @DefaultValue("12345") String loginCode,
        @DefaultValue("5m") Duration loginCodeTtl,
        @DefaultValue("15s") Duration callbackAnswerWindow,
        Path dataDir,
        @DefaultValue("500ms") Duration saveDelay) {

    /** Whether the world is kept in {@link #dataDir}. */
    public boolean persistent() {
        return dataDir != null && !dataDir.toString().isBlank();
    }
}
