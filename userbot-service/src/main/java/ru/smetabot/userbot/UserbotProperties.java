package ru.smetabot.userbot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The userbot's settings, from the environment (variable names in application.yml).
 *
 * @param apiToken             USERBOT_API_TOKEN: every call must carry it as a bearer token
 * @param gateway              USERBOT_GATEWAY: tdlib (real Telegram) or sandbox (telegram-sandbox)
 * @param sandboxUrl           SANDBOX_URL: telegram-sandbox, used by the sandbox gateway
 * @param tdlibPath            TDLIB_PATH: path of libtdjson.so
 * @param apiId                TG_API_ID: from my.telegram.org
 * @param apiHash              TG_API_HASH: from my.telegram.org
 * @param sessionEncryptionKey SESSION_ENCRYPTION_KEY: encrypts the session databases at rest; at least
 *                             {@value #MIN_KEY_BYTES} bytes (e.g. {@code openssl rand -base64 32})
 * @param sessionsDir          SESSIONS_DIR: one TDLib database directory per account (default ./data/sessions)
 * @param loginTtl             USERBOT_LOGIN_TTL: how long a login attempt waits for its code/password (default 10m)
 * @param requestTimeout       USERBOT_REQUEST_TIMEOUT: deadline of every Telegram request (default 70s: TDLib
 *                             itself waits out flood waits of up to 60 s before failing with 429)
 * @param viewsWait            USERBOT_VIEWS_WAIT: how long a TDLib views refresh waits for the counters TDLib
 *                             fetches after viewMessages (default 2s; never past requestTimeout)
 */
@Validated
@ConfigurationProperties("smetabot.userbot")
public record UserbotProperties(
        @NotBlank(message = "USERBOT_API_TOKEN is not set: the bearer token bot and worker must present")
        String apiToken,
        @NotNull(message = "USERBOT_GATEWAY is not set: tdlib or sandbox") Gateway gateway,
        URI sandboxUrl,
        String tdlibPath,
        Integer apiId,
        String apiHash,
        String sessionEncryptionKey,
        Path sessionsDir,
        Duration loginTtl,
        Duration requestTimeout,
        Duration viewsWait) {

    public enum Gateway { TDLIB, SANDBOX }

    /** 32 random bytes, the strength of the AES-256 key TDLib derives from it; base64 of them is 44 characters. */
    public static final int MIN_KEY_BYTES = 32;

    public UserbotProperties {
        sessionsDir = sessionsDir == null ? Path.of("data", "sessions") : sessionsDir;
        loginTtl = loginTtl == null ? Duration.ofMinutes(10) : loginTtl;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(70) : requestTimeout;
        viewsWait = viewsWait == null ? Duration.ofSeconds(2) : viewsWait;
        List<String> missing = new ArrayList<>();
        if (gateway == Gateway.SANDBOX && sandboxUrl == null) {
            missing.add("SANDBOX_URL");
        }
        if (gateway == Gateway.TDLIB) {
            if (isBlank(tdlibPath)) {
                missing.add("TDLIB_PATH");
            }
            if (apiId == null) {
                missing.add("TG_API_ID");
            }
            if (isBlank(apiHash)) {
                missing.add("TG_API_HASH");
            }
            if (isBlank(sessionEncryptionKey)) {
                missing.add("SESSION_ENCRYPTION_KEY");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("USERBOT_GATEWAY=" + gateway.name().toLowerCase()
                    + " needs these environment variables, which are not set: " + String.join(", ", missing));
        }
        if (sessionEncryptionKey != null && !sessionEncryptionKey.isEmpty()
                && sessionEncryptionKey.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("SESSION_ENCRYPTION_KEY is too short (" + sessionEncryptionKey.strip().length()
                    + " characters): it must be at least " + MIN_KEY_BYTES + " random bytes; generate one with "
                    + "`openssl rand -base64 32`");
        }
    }

    @Override
    public String toString() {
        return "UserbotProperties[gateway=" + gateway + ", sandboxUrl=" + sandboxUrl + ", tdlibPath=" + tdlibPath
                + ", apiId=" + apiId + ", sessionsDir=" + sessionsDir + ", loginTtl=" + loginTtl
                + ", requestTimeout=" + requestTimeout + ", viewsWait=" + viewsWait + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
