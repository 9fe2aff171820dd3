package ru.smetabot.local.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo script: what the seed's Test 1 and 2 have a person do, done through the sandbox as those people,
 * so the bot, userbot and worker run exactly as when someone clicks. The account is connected the way the
 * bot's Mini App does it (the userbot's /session/login with the sandbox's code), since a script cannot type
 * into the Mini App. Everything is new each run (new people, new room), so it can run again.
 */
public final class Demo {

    private static final Pattern INVITE_LINK = Pattern.compile("https://t\\.me/\\+[A-Za-z0-9_-]+");
    private static final String LOGIN_CODE = "12345";
    private static final List<String> FILES = List.of("Смета кухня v1.pdf", "План расстановки.pdf", "Смета кухня v2.pdf");

    private final DemoHttp http = new DemoHttp();
    private final String sandboxApi;
    private final long botId;
    private final String userbotUrl;
    private final String apiToken;

    /** {@code botToken} gives the bot's id (the number before ':'), as in Telegram. */
    public Demo(String sandboxUrl, String botToken, String userbotUrl, String apiToken) {
        this.sandboxApi = sandboxUrl + "/sandbox/api";
        this.botId = Long.parseLong(botToken.substring(0, botToken.indexOf(':')));
        this.userbotUrl = userbotUrl;
        this.apiToken = apiToken;
    }

    /** Runs the whole demo, reporting each step; returns the owner's sandbox user id. */
    public long run(Consumer<String> step) {
        long n = System.currentTimeMillis() % 10_000_000L;
        String room = "Иванов — кухня";
        step.accept("owner");
        String phone = "+7999" + n;
        long owner = id(sandbox("/users", Map.of("first_name", "Иван", "last_name", "Демо", "username", "demo_ivan_" + n,
                "phone", phone, "language_code", "ru")));
        say(owner, "/start", "SmetaBot");

        step.accept("account");
        Map<String, Object> started = http.call(userbotUrl + "/session/login/start",
                Map.of("account", owner, "phone", phone), apiToken);
        http.call(userbotUrl + "/session/login/code", Map.of("loginId", started.get("loginId"), "code", LOGIN_CODE),
                apiToken);

        step.accept("room");
        pressReply(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, room, "📌 " + room);
        long chatId = chats(owner).stream().filter(c -> room.equals(c.get("title"))).map(Demo::chatId)
                .findFirst().orElseThrow(() -> new IllegalStateException("the room's channel is not in the chat list"));

        for (String file : FILES) {
            step.accept("files");
            pressReply(owner, "📤 Опубликовать файл", "Пришлите файл");
            Map<String, Object> doc = sandbox("/users/" + owner + "/bots/" + botId + "/documents", Map.of(
                    "file_name", file, "mime_type", "application/pdf", "content_base64",
                    Base64.getEncoder().encodeToString(("%PDF-1.4 " + file).getBytes(StandardCharsets.UTF_8))));
            Map<String, Object> answer = await(owner, "«" + file + "»", messageId(doc), false);
            if (text(answer).contains("В какой канал")) {
                press(owner, answer, "📂 " + room);
            }
            await(owner, "✅ Файл «" + file + "» опубликован", messageId(answer) - 1, true);
        }

        step.accept("link");
        Map<String, Object> chooser = pressReply(owner, "🔗 Ссылки", "Выберите канал");
        press(owner, chooser, "📂 " + room);
        press(owner, await(owner, "Ссылки канала", messageId(chooser) - 1, true), "➕ Новая ссылка");
        await(owner, "Напишите название новой ссылки", messageId(chooser) - 1, true);
        Map<String, Object> expiry = say(owner, "Семья Ивановых", "сколько будет действовать ссылка");
        press(owner, expiry, "7 дней");
        press(owner, await(owner, "сколько заявок одобрить", messageId(expiry) - 1, true), "Без лимита");
        Matcher link = INVITE_LINK.matcher(text(await(owner, "✅ Ссылка создана", messageId(expiry) - 1, true)));
        if (!link.find()) {
            throw new IllegalStateException("the bot showed no invite link");
        }

        step.accept("clients");
        String[][] clients = {{"Ольга", "Иванова", "olga_demo_"}, {"Сергей", "Иванов", "sergey_demo_"}};
        for (String[] c : clients) {
            long client = id(sandbox("/users", Map.of("first_name", c[0], "last_name", c[1], "username", c[2] + n,
                    "language_code", "ru")));
            sandbox("/invite-links/open", Map.of("user_id", client, "link", link.group()));
            awaitMember(client, chatId);
            sandbox("/channels/" + chatId + "/posts?viewer_id=" + client, null);
        }

        step.accept("card");
        Map<String, Object> list = pressReply(owner, "📢 Мои каналы", "Мои каналы");
        press(owner, list, "📂 " + room);
        Map<String, Object> card = await(owner, "📌 " + room, messageId(list) - 1, true);
        press(owner, card, "🔄 Обновить статистику");
        await(owner, "Просмотров: " + 2 * FILES.size(), messageId(card) - 1, true);
        return owner;
    }

    private Map<String, Object> sandbox(String path, Map<String, ?> body) {
        return http.call(sandboxApi + path, body, null);
    }

    private Map<String, Object> say(long user, String text, String expect) {
        Map<String, Object> sent = sandbox("/users/" + user + "/bots/" + botId + "/messages", Map.of("text", text));
        return await(user, expect, messageId(sent), false);
    }

    private Map<String, Object> pressReply(long user, String button, String expect) {
        Map<String, Object> sent = sandbox("/users/" + user + "/bots/" + botId + "/reply-button", Map.of("text", button));
        return await(user, expect, messageId(sent), false);
    }

    /** Presses the inline button of {@code message} whose text starts with {@code prefix}. */
    private void press(long user, Map<String, Object> message, String prefix) {
        @SuppressWarnings("unchecked")
        List<List<Map<String, Object>>> rows = (List<List<Map<String, Object>>>) message.getOrDefault(
                "inline_keyboard", List.of());
        Object data = rows.stream().flatMap(List::stream).filter(b -> String.valueOf(b.get("text")).startsWith(prefix))
                .map(b -> b.get("callback_data")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no button '" + prefix + "' on: " + text(message)));
        sandbox("/users/" + user + "/bots/" + botId + "/callback", Map.of("message_id", messageId(message), "data", data));
    }

    /** The bot's first message after {@code afterId} containing {@code contains} (edited, if asked), within 60 s. */
    private Map<String, Object> await(long user, String contains, int afterId, boolean edited) {
        return sandbox("/users/" + user + "/bots/" + botId + "/wait?timeout_ms=60000&edited=" + edited
                + "&after_message_id=" + afterId + "&text_contains="
                + java.net.URLEncoder.encode(contains, StandardCharsets.UTF_8), null);
    }

    /** The bot approves the client's join request; the channel then shows in the client's chat list. */
    private void awaitMember(long client, long chatId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (chats(client).stream().noneMatch(c -> chatId(c) == chatId)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the bot did not approve the client's join request within 60 s");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> chats(long user) {
        return (List<Map<String, Object>>) sandbox("/users/" + user + "/chats", null).get("items");
    }

    private static long id(Map<String, Object> account) {
        return ((Number) account.get("id")).longValue();
    }

    private static long chatId(Map<String, Object> chat) {
        return ((Number) chat.get("chat_id")).longValue();
    }

    private static int messageId(Map<String, Object> message) {
        return ((Number) message.get("message_id")).intValue();
    }

    private static String text(Map<String, Object> message) {
        return String.valueOf(message.get("text"));
    }
}
