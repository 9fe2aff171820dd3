package ru.smetabot.sandbox.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;
import org.telegram.telegrambots.meta.api.objects.webapp.WebAppInfo;

import ru.smetabot.sandbox.TestSandbox;
import ru.smetabot.sandbox.client.SandboxClient;
import ru.smetabot.sandbox.client.SandboxClientException;

/** A web_app button opens with initData a bot can verify with its token, for the user who opened it. */
class WebAppLaunchTests {

    private static final long USER = 1300L;
    private static final String APP = "http://localhost:8081/miniapp/index.html";

    @Test
    void inlineWebAppButtonOpensWithInitDataSignedByTheBotsToken() throws Exception {
        SandboxClient sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Oleg", "oleg");
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        TestSandbox.telegram().execute(SendMessage.builder().chatId(USER).text("Connect")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder()
                        .text("🔐").webApp(new WebAppInfo(APP)).build())).build()).build());

        String launch = sandbox.openWebApp(USER, TestSandbox.BOT_ID, APP);

        assertThat(launch).startsWith(APP + "#tgWebAppData=").contains("&tgWebAppVersion=").endsWith("tgWebAppPlatform=web");
        String fragment = launch.substring(launch.indexOf('#') + 1);
        String initData = URLDecoder.decode(fragment.split("&")[0].substring("tgWebAppData=".length()), StandardCharsets.UTF_8);
        Map<String, String> fields = parse(initData);
        assertThat(fields.get("user")).contains("\"id\":" + USER).contains("\"username\":\"oleg\"");
        assertThat(Long.parseLong(fields.get("auth_date"))).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        assertThat(fields.get("hash")).isEqualTo(expectedHash(fields, TestSandbox.TOKEN));
        assertThat(fields.get("hash")).isNotEqualTo(expectedHash(fields, TestSandbox.TOKEN + "x"));
    }

    @Test
    void replyKeyboardWebAppButtonOpensAndUnknownUrlsAreRefused() throws Exception {
        SandboxClient sandbox = TestSandbox.fresh();
        sandbox.createUser(USER, "Oleg", "oleg");
        sandbox.sendText(USER, TestSandbox.BOT_ID, "/start");
        KeyboardRow row = new KeyboardRow(List.of(KeyboardButton.builder().text("App").webApp(new WebAppInfo(APP)).build()));
        TestSandbox.telegram().execute(SendMessage.builder().chatId(USER).text("Menu")
                .replyMarkup(ReplyKeyboardMarkup.builder().keyboardRow(row).build()).build());

        assertThat(sandbox.openWebApp(USER, TestSandbox.BOT_ID, APP)).startsWith(APP + "#tgWebAppData=");
        assertThatThrownBy(() -> sandbox.openWebApp(USER, TestSandbox.BOT_ID, "http://evil.example/"))
                .isInstanceOfSatisfying(SandboxClientException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static Map<String, String> parse(String initData) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : initData.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String expectedHash(Map<String, String> fields, String token) throws Exception {
        String check = fields.entrySet().stream().filter(e -> !e.getKey().equals("hash"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("WebAppData".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] secret = mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(check.getBytes(StandardCharsets.UTF_8)));
    }
}
