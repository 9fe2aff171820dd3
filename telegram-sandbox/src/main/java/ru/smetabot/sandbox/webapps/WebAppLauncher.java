package ru.smetabot.sandbox.webapps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import ru.smetabot.sandbox.state.Account;
import ru.smetabot.sandbox.state.Dialog;
import ru.smetabot.sandbox.state.Message;
import ru.smetabot.sandbox.state.SandboxClock;
import ru.smetabot.sandbox.state.SandboxException;
import ru.smetabot.sandbox.state.SandboxState;

/**
 * A user opens a bot's {@code web_app} button (inline or reply keyboard): like a Telegram client, the sandbox
 * appends {@code #tgWebAppData=<initData>&tgWebAppVersion=…&tgWebAppPlatform=web} to the button's URL, with
 * {@code initData} for this user, signed with the bot's token and dated by the sandbox clock.
 */
@Service
public class WebAppLauncher {

    static final String VERSION = "8.0";

    private final SandboxState state;
    private final SandboxClock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WebAppLauncher(SandboxState state, SandboxClock clock) {
        this.state = state;
        this.clock = clock;
    }

    public record Launch(String url, String initData) {
    }

    public Launch open(long userId, long botId, String url) {
        return state.locked(() -> {
            Account user = state.requireAccount(userId);
            Account bot = state.requireAccount(botId);
            if (!bot.bot() || user.bot()) {
                throw SandboxException.badRequest("a user opens a bot's web app", null);
            }
            Dialog dialog = state.dialog(botId, userId)
                    .orElseThrow(() -> SandboxException.badRequest("the user has no chat with this bot", null));
            if (url == null || !webAppUrls(dialog).contains(url)) {
                throw SandboxException.badRequest("no web_app button with this url in the chat", "BUTTON_URL_INVALID");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("query_id", "AAE" + state.randomToken(20));
            fields.put("user", json.writeValueAsString(userJson(user)));
            fields.put("auth_date", Long.toString(clock.epochSeconds()));
            fields.put("chat_type", "sender");
            String initData = InitDataSigner.sign(fields, bot.token());
            String launch = url + (url.contains("#") ? "&" : "#") + "tgWebAppData=" + InitDataSigner.encode(initData)
                    + "&tgWebAppVersion=" + VERSION + "&tgWebAppPlatform=web";
            return new Launch(launch, initData);
        });
    }

    private static Map<String, Object> userJson(Account user) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", user.id());
        map.put("first_name", user.firstName());
        putIfPresent(map, "last_name", user.lastName());
        putIfPresent(map, "username", user.username());
        putIfPresent(map, "language_code", user.languageCode());
        map.put("allows_write_to_pm", true);
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** Every web_app URL on the chat's inline keyboards and on its reply keyboard. */
    static List<String> webAppUrls(Dialog dialog) {
        List<Object> rows = new java.util.ArrayList<>();
        for (Message m : dialog.messages().values()) {
            if (m.replyMarkup() != null && m.replyMarkup().get("inline_keyboard") instanceof List<?> inline) {
                rows.addAll(inline);
            }
        }
        if (dialog.replyKeyboard() != null && dialog.replyKeyboard().get("keyboard") instanceof List<?> reply) {
            rows.addAll(reply);
        }
        return rows.stream().filter(List.class::isInstance).flatMap(r -> ((List<?>) r).stream())
                .filter(Map.class::isInstance).map(b -> ((Map<?, ?>) b).get("web_app"))
                .filter(Map.class::isInstance).map(w -> ((Map<?, ?>) w).get("url"))
                .filter(Objects::nonNull).map(Object::toString).toList();
    }
}
