package ru.smetabot.bot;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bot's settings, from the environment (see application.yml for the variable names).
 *
 * @param token              BOT_TOKEN: the token from @BotFather, or one declared in the sandbox
 * @param telegramApiUrl     TELEGRAM_API_URL: Bot API base, https://api.telegram.org or the sandbox
 * @param userbotUrl         USERBOT_URL: base URL of userbot-service
 * @param userbotApiToken    USERBOT_API_TOKEN: the bearer token userbot-service expects
 * @param pollTimeoutSeconds how long one getUpdates long poll is held open by Telegram
 * @param callTimeout        deadline of one Bot API call (sendMessage, editMessageText...)
 * @param userbotTimeout     deadline of one userbot call; below 10 s so the owner never waits longer
 * @param handlerThreads     updates are handled on this many threads, one user always on the same one
 * @param timeZone           the zone dates are shown in
 * @param publicUrl          BOT_PUBLIC_URL: where Telegram clients reach this service (https in production);
 *                           the Mini App login page is {@code <publicUrl>/miniapp/index.html}
 * @param initDataMaxAge     BOT_INIT_DATA_MAX_AGE: a Mini App's initData older than this is refused (default 15m:
 *                           long enough to sign in, short enough that a leaked link soon stops working)
 */
@Validated
@ConfigurationProperties("smetabot.bot")
public record BotProperties(
        @NotBlank(message = "BOT_TOKEN is not set: give the bot token from @BotFather (or a sandbox bot's token)")
        String token,
        @NotNull(message = "TELEGRAM_API_URL is not set") URI telegramApiUrl,
        @NotNull(message = "USERBOT_URL is not set") URI userbotUrl,
        @NotBlank(message = "USERBOT_API_TOKEN is not set: the bot needs it to call userbot-service")
        String userbotApiToken,
        Integer pollTimeoutSeconds,
        Duration callTimeout,
        Duration userbotTimeout,
        Integer handlerThreads,
        ZoneId timeZone,
        URI publicUrl,
        Duration initDataMaxAge) {

    public BotProperties {
        pollTimeoutSeconds = pollTimeoutSeconds == null ? 50 : pollTimeoutSeconds;
        callTimeout = callTimeout == null ? Duration.ofSeconds(15) : callTimeout;
        userbotTimeout = userbotTimeout == null ? Duration.ofSeconds(8) : userbotTimeout;
        handlerThreads = handlerThreads == null ? 8 : handlerThreads;
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        publicUrl = publicUrl == null ? URI.create("http://localhost:8081") : publicUrl;
        initDataMaxAge = initDataMaxAge == null ? Duration.ofMinutes(15) : initDataMaxAge;
    }

    /** Without BOT_TOKEN and USERBOT_API_TOKEN: settings get logged and shown by tools, secrets must not. */
    @Override
    public String toString() {
        return "BotProperties[telegramApiUrl=" + telegramApiUrl + ", userbotUrl=" + userbotUrl
                + ", pollTimeoutSeconds=" + pollTimeoutSeconds + ", callTimeout=" + callTimeout + ", userbotTimeout=" + userbotTimeout
                + ", handlerThreads=" + handlerThreads + ", timeZone=" + timeZone + ", publicUrl=" + publicUrl
                + ", initDataMaxAge=" + initDataMaxAge + "]";
    }

    /** The Bot API host of real Telegram (TELEGRAM_API_URL's default); anything else is the sandbox or a test server. */
    static final String TELEGRAM_API_HOST = "api.telegram.org";

    /**
     * Telegram refuses {@code web_app} buttons whose URL is not https, so against real Telegram a plain-http
     * BOT_PUBLIC_URL would only fail later, when an owner taps "🔐 Подключить аккаунт": refuse to start instead.
     * The sandbox (run-local, tests) opens the page over http on localhost.
     */
    @AssertTrue(message = "BOT_PUBLIC_URL must be an https:// URL when TELEGRAM_API_URL is real Telegram (" + TELEGRAM_API_HOST
            + "): Telegram opens the Mini App login page only over HTTPS (in docker compose: https://${DOMAIN})")
    public boolean isPublicUrlAcceptedByTelegram() {
        boolean realTelegram = telegramApiUrl != null && TELEGRAM_API_HOST.equalsIgnoreCase(telegramApiUrl.getHost());
        return !realTelegram || ("https".equalsIgnoreCase(publicUrl.getScheme()) && publicUrl.getHost() != null);
    }

    /** The Mini App login page ("🔐 Подключить аккаунт" opens it). */
    public String miniAppUrl() {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/miniapp/index.html";
    }

    /** The bot's own Telegram user id: the part of the token before the colon. */
    public long botUserId() {
        int colon = token.indexOf(':');
        return Long.parseLong(colon < 0 ? token : token.substring(0, colon));
    }
}
