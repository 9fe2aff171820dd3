package ru.smetabot.bot.session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.smetabot.sandbox.webapps.InitDataSigner;

/** initData as a Telegram client passes it, signed by telegram-sandbox's own signer (not the bot's code). */
final class MiniAppInitData {

    static final String TOKEN = "7200001:miniapp-tests";

    private MiniAppInitData() {
    }

    static String of(long userId, String username, Instant authDate) {
        return of(userId, username, authDate, TOKEN);
    }

    static String of(long userId, String username, Instant authDate, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAEtest");
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"User " + userId + "\",\"username\":\"" + username
                + "\",\"language_code\":\"ru\"}");
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        return InitDataSigner.sign(fields, token);
    }
}
