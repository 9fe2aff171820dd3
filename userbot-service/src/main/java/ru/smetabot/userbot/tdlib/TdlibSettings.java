package ru.smetabot.userbot.tdlib;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the TDLib clients need.
 *
 * @param sessionsDir    one database directory per account under it
 * @param apiId          TG_API_ID
 * @param apiHash        TG_API_HASH
 * @param encryptionKey  SESSION_ENCRYPTION_KEY; each account's database key is derived from it
 * @param requestTimeout deadline of every TDLib request
 * @param viewsWait      how long a views refresh waits for the counters TDLib fetches after viewMessages
 *                       (never past {@code requestTimeout})
 * @param loginTtl       USERBOT_LOGIN_TTL: an unfinished login older than this is abandoned: its TDLib client is
 *                       destroyed and its session folder deleted
 */
public record TdlibSettings(Path sessionsDir, int apiId, String apiHash, String encryptionKey, Duration requestTimeout,
                            Duration viewsWait, Duration loginTtl) {

    @Override
    public String toString() {
        return "TdlibSettings[sessionsDir=" + sessionsDir + ", apiId=" + apiId + ", requestTimeout=" + requestTimeout
                + ", viewsWait=" + viewsWait + ", loginTtl=" + loginTtl + "]";
    }
}
