package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackCodec;
import ru.smetabot.sandbox.client.SandboxTypes;

/**
 * Fuzzing the bot's update path: mutated real updates and forged callback data, parsed by
 * TelegramBots exactly as a getUpdates answer is and handed to the poller's consumer (the lanes,
 * then the dispatcher and the handlers). The seed is fixed and printed; {@code -Dfuzz.seed=N} replays
 * another run.
 */
class UpdateFuzzTests extends BotThroughSandbox {

    static final long SEED = Long.getLong("fuzz.seed", 20_260_901L);
    /** Mutated updates that TelegramBots still parses, so they reach the bot (most others it rejects). */
    static final int MALFORMED_UPDATES = 1_000;
    static final int FORGED_CALLBACKS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger UPDATE_IDS = new AtomicInteger(1_900_000_000);

    @Autowired
    LongPollingUpdateConsumer poller;

    @Autowired
    MeterRegistry meters;

    @Test
    void malformedUpdatesAreLoggedAndIgnoredAndTheBotStillAnswers() throws Exception {
        Random random = new Random(SEED);
        System.out.println("UpdateFuzzTests.malformed seed=" + SEED + " (-Dfuzz.seed=" + SEED + " to replay)");
        long owner = newOwner("Фаззер", true);
        createRoom(owner, "Фаззер — склад");
        long chat = roomChat(owner, "Фаззер — склад");
        List<ObjectNode> templates = templates(owner, chat);
        double handedBefore = updates();

        int parsed = 0;
        int rejectedByTelegramBots = 0;
        int cases = 0;
        while (parsed < MALFORMED_UPDATES && cases < 10 * MALFORMED_UPDATES) {
            int i = cases++;
            ObjectNode update = templates.get(random.nextInt(templates.size())).deepCopy();
            update.put("update_id", UPDATE_IDS.incrementAndGet());
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(update, random);
            }
            List<Update> batch = parse(update);
            if (batch == null) {
                rejectedByTelegramBots++;
                continue;
            }
            parsed++;
            String json = update.toString();
            assertThatCode(() -> poller.consume(batch)).as("case %s of seed %s: %s", i, SEED, abbreviate(json))
                    .doesNotThrowAnyException();
        }
        System.out.printf("UpdateFuzzTests.malformed seed=%d cases=%d handed to the bot=%d rejected by TelegramBots=%d%n",
                SEED, cases, parsed, rejectedByTelegramBots);
        assertThat(parsed).isEqualTo(MALFORMED_UPDATES);
        int handed = parsed;
        awaitHandled(() -> updates() >= handedBefore + handed);

        // (Some fuzzed my_chat_member updates are the owner making the bot admin of a new channel: rooms of theirs.)
        SandboxTypes.Message list = press(owner, "📢 Мои каналы", "Мои каналы");
        assertThat(list.inlineKeyboard().toString()).as("the bot still answers").contains("Фаззер — склад");
    }

    @Test
    void forgedCallbacksAreRefusedAndChangeNothing() {
        Random random = new Random(SEED);
        System.out.println("UpdateFuzzTests.forged seed=" + SEED + " (-Dfuzz.seed=" + SEED + " to replay)");
        long victim = newOwner("Жертва", true);
        createRoom(victim, "Жертва — дом");
        long victimRoom = roomId(roomChat(victim, "Жертва — дом"));
        long attacker = newOwner("Взломщик", true);
        SandboxTypes.Message attackerMenu = press(attacker, "📢 Мои каналы", "Мои каналы");
        Map<String, Long> rowsBefore = rowCounts();
        int victimMessages = sandbox.readDialog(victim, BOT).messages().size();
        double refusedBefore = callbacks("refused") + callbacks("malformed");
        double handledBefore = callbacks("handled") + callbacks("failed");

        List<String> forged = new ArrayList<>();
        while (forged.size() < FORGED_CALLBACKS) {
            String data = forgedData(random, victimRoom);
            // The attacker's own harmless commands (noop, a page of their empty room list, their account) are not forgeries.
            if (CallbackCodec.decode(data).filter(c -> !(c instanceof Callback.RoomCallback)).isEmpty()) {
                forged.add(data);
            }
        }
        for (String data : forged) {
            Update update = SafetyTests.callback(attacker, attackerMenu.messageId(), data);
            update.setUpdateId(UPDATE_IDS.incrementAndGet());
            assertThatCode(() -> poller.consume(List.of(update))).as("data %s", data).doesNotThrowAnyException();
        }
        awaitHandled(() -> callbacks("refused") + callbacks("malformed") >= refusedBefore + FORGED_CALLBACKS);
        System.out.printf("UpdateFuzzTests.forged seed=%d callbacks=%d refused=%d%n", SEED, FORGED_CALLBACKS,
                (long) (callbacks("refused") + callbacks("malformed") - refusedBefore));

        assertThat(callbacks("handled") + callbacks("failed")).as("none was acted on").isEqualTo(handledBefore);
        assertThat(rowCounts()).as("no row added or removed").isEqualTo(rowsBefore);
        assertThat(sandbox.readDialog(victim, BOT).messages()).as("the victim got nothing").hasSize(victimMessages);
        assertThat(current(attacker, attackerMenu.messageId()).text()).isEqualTo(attackerMenu.text());
        assertThat(press(attacker, "📢 Мои каналы", "Мои каналы").text()).contains("Каналов: 0");
    }

    // --- malformed updates -------------------------------------------------------------------

    /** Real updates of every kind the bot asks for, as Telegram (and the sandbox) sends them. */
    private List<ObjectNode> templates(long owner, long chat) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String user = "{\"id\":" + owner + ",\"is_bot\":false,\"first_name\":\"Фаззер\",\"language_code\":\"ru\"}";
        String stranger = "{\"id\":" + BotSandbox.newUserId() + ",\"is_bot\":false,\"first_name\":\"Гость\",\"username\":\"guest\"}";
        String privateChat = "{\"id\":" + owner + ",\"type\":\"private\",\"first_name\":\"Фаззер\"}";
        String channel = "{\"id\":" + chat + ",\"type\":\"channel\",\"title\":\"Фаззер — склад\"}";
        String unknownChannel = "{\"id\":-1009" + (100_000_000 + now % 100_000_000) + ",\"type\":\"channel\",\"title\":\"Чужой\"}";
        String message = "{\"message_id\":7,\"from\":" + user + ",\"chat\":" + privateChat + ",\"date\":" + now;
        String member = "{\"user\":" + stranger + ",\"status\":\"member\"}";
        String left = "{\"user\":" + stranger + ",\"status\":\"left\"}";
        String botAdmin = "{\"user\":{\"id\":" + BOT + ",\"is_bot\":true,\"first_name\":\"bot\"},\"status\":\"administrator\","
                + "\"can_be_edited\":false,\"is_anonymous\":false,\"can_manage_chat\":true,\"can_delete_messages\":true,"
                + "\"can_manage_video_chats\":false,\"can_restrict_members\":true,\"can_promote_members\":false,"
                + "\"can_change_info\":true,\"can_invite_users\":true,\"can_post_messages\":true}";
        List<String> json = List.of(
                "{\"update_id\":1,\"message\":" + message + ",\"text\":\"/start\",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}]}}",
                "{\"update_id\":1,\"message\":" + message + ",\"text\":\"📢 Мои каналы\"}}",
                "{\"update_id\":1,\"message\":" + message + ",\"text\":\"Новое название\"}}",
                "{\"update_id\":1,\"message\":" + message + ",\"document\":{\"file_id\":\"F1\",\"file_unique_id\":\"U1\","
                        + "\"file_name\":\"plan.pdf\",\"mime_type\":\"application/pdf\",\"file_size\":1024}}}",
                "{\"update_id\":1,\"edited_message\":" + message + ",\"text\":\"правка\",\"edit_date\":" + now + "}}",
                "{\"update_id\":1,\"callback_query\":{\"id\":\"42\",\"from\":" + user + ",\"chat_instance\":\"1\","
                        + "\"data\":\"rl:0\",\"message\":" + message + ",\"text\":\"Мои каналы\"}}}",
                "{\"update_id\":1,\"channel_post\":{\"message_id\":3,\"chat\":" + channel + ",\"date\":" + now
                        + ",\"document\":{\"file_id\":\"F2\",\"file_unique_id\":\"U2\",\"file_name\":\"a.pdf\"}}}",
                "{\"update_id\":1,\"channel_post\":{\"message_id\":3,\"chat\":" + unknownChannel + ",\"date\":" + now
                        + ",\"text\":\"пост\"}}",
                "{\"update_id\":1,\"chat_join_request\":{\"chat\":" + channel + ",\"from\":" + stranger + ",\"user_chat_id\":1,"
                        + "\"date\":" + now + ",\"invite_link\":{\"invite_link\":\"https://t.me/+abc\",\"creator\":" + user
                        + ",\"creates_join_request\":true,\"is_primary\":false,\"is_revoked\":false}}}",
                "{\"update_id\":1,\"chat_join_request\":{\"chat\":" + unknownChannel + ",\"from\":" + stranger
                        + ",\"user_chat_id\":1,\"date\":" + now + "}}",
                "{\"update_id\":1,\"chat_member\":{\"chat\":" + channel + ",\"from\":" + stranger + ",\"date\":" + now
                        + ",\"old_chat_member\":" + left + ",\"new_chat_member\":" + member + "}}",
                "{\"update_id\":1,\"chat_member\":{\"chat\":" + unknownChannel + ",\"from\":" + stranger + ",\"date\":" + now
                        + ",\"old_chat_member\":" + member + ",\"new_chat_member\":" + left + "}}",
                "{\"update_id\":1,\"my_chat_member\":{\"chat\":" + unknownChannel + ",\"from\":" + user + ",\"date\":" + now
                        + ",\"old_chat_member\":{\"user\":{\"id\":" + BOT + ",\"is_bot\":true,\"first_name\":\"bot\"},"
                        + "\"status\":\"left\"},\"new_chat_member\":" + botAdmin + "}}");
        List<ObjectNode> templates = new ArrayList<>();
        for (String one : json) {
            ObjectNode node = (ObjectNode) JSON.readTree(one);
            assertThat(parse(node)).as("the template parses: %s", one).isNotNull();
            templates.add(node);
        }
        return templates;
    }

    /** One random change somewhere in the update: what a broken or hostile sender could produce. */
    private static void mutate(ObjectNode update, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(update, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty()) {
            return;
        }
        String field = fields.get(random.nextInt(fields.size()));
        if (target == update && field.equals("update_id") && random.nextInt(4) != 0) {
            return; // mostly keep the update id, or every mutation would be a parse error of the batch
        }
        switch (random.nextInt(10)) {
            case 0 -> target.remove(field);
            case 1 -> target.putNull(field);
            case 2 -> target.set(field, wrongType(target.get(field), random));
            case 3 -> target.put(field, huge(random));
            case 4 -> target.put(field, garbage(random));
            case 5 -> target.set(field, edgeNumber(random));
            case 6 -> target.put(field, -1L - random.nextInt(1_000_000_000));
            case 7 -> target.set(field, NODES.objectNode());
            case 8 -> target.put(field + "_" + random.nextInt(100), garbage(random)); // unknown field
            default -> {
                if (target.get(field).isNumber()) {
                    target.put(field, -1_000_000_000_000L - random.nextInt(1_000_000)); // an unknown chat or user
                } else {
                    target.put(field, "");
                }
            }
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            collect(it.next(), into);
        }
    }

    private static JsonNode wrongType(JsonNode value, Random random) {
        if (value == null || value.isNull()) {
            return NODES.textNode("null");
        }
        if (value.isTextual()) {
            return random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.booleanNode(true);
        }
        if (value.isNumber()) {
            return random.nextBoolean() ? NODES.textNode(value.asText() + "x") : NODES.textNode(value.asText());
        }
        if (value.isObject()) {
            ArrayNode array = NODES.arrayNode();
            array.add(value);
            return random.nextBoolean() ? array : NODES.textNode(value.toString());
        }
        if (value.isArray()) {
            return NODES.objectNode();
        }
        return NODES.numberNode(1);
    }

    private static String huge(Random random) {
        return "Я".repeat(10_000 + random.nextInt(90_000));
    }

    private static final String[] GARBAGE = {"\uD800", "\uDFFF", "\u202E", "\u200B", "\u0000", "\uFFFF", "👁‍🗨",
            "Z̷̢͎̓a̶l̴g̸o̵", "<b>", "</i>&amp;", "%s%n", "'; DROP TABLE core.channels; --", "\\u0000", "ch:1:refresh"};

    private static String garbage(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            text.append(GARBAGE[random.nextInt(GARBAGE.length)]);
        }
        return text.toString();
    }

    private static JsonNode edgeNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(Long.MAX_VALUE);
            case 1 -> NODES.numberNode(Long.MIN_VALUE);
            case 2 -> NODES.numberNode(new BigInteger("99999999999999999999999"));
            case 3 -> NODES.numberNode(0);
            case 4 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            default -> NODES.numberNode(1.5e300);
        };
    }

    /** The batch TelegramBots makes of this update in a getUpdates answer, or null when it cannot parse it. */
    private static List<Update> parse(ObjectNode update) {
        String answer = "{\"ok\":true,\"result\":[" + update + "]}";
        try {
            return new GetUpdates().deserializeResponse(answer);
        } catch (TelegramApiRequestException | RuntimeException e) {
            return null;
        }
    }

    // --- forged callbacks --------------------------------------------------------------------

    private static String forgedData(Random random, long victimRoom) {
        long room = switch (random.nextInt(5)) {
            case 0, 1 -> victimRoom;
            case 2 -> victimRoom + 1 + random.nextInt(1_000);
            case 3 -> Long.MAX_VALUE - random.nextInt(10);
            default -> 1 + random.nextInt(Integer.MAX_VALUE);
        };
        String valid = switch (random.nextInt(14)) {
            case 0 -> "ch:" + room + ":refresh";
            case 1 -> "ch:" + room + ":card:" + random.nextInt(100);
            case 2 -> "ch:" + room + ":members";
            case 3 -> "ch:" + room + ":links";
            case 4 -> "ch:" + room + ":publish";
            case 5 -> "pub:" + room;
            case 6 -> "lk:" + room + ":new";
            case 7 -> "lk:" + room + ":exp:" + random.nextInt(1000);
            case 8 -> "lk:" + room + ":lim:" + random.nextInt(1000) + ":" + random.nextInt(1000);
            case 9 -> "lk:" + room + ":" + List.of("open", "rv", "rv!").get(random.nextInt(3)) + ":" + (1 + random.nextInt(100_000));
            case 10 -> "mb:" + room + ":" + random.nextInt(100);
            case 11 -> "cl:" + room + ":" + (1 + random.nextInt(100_000)) + ":" + List.of("b", "b!", "u", "u!").get(random.nextInt(4));
            case 12 -> randomBytes(random);
            default -> garbage(random);
        };
        return switch (random.nextInt(8)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length() + 1)); // truncated (maybe empty)
            case 1 -> valid + ":" + "9".repeat(64); // overlong
            case 2 -> valid.replace(':', random.nextBoolean() ? ';' : ' ');
            case 3 -> valid.replace(Long.toString(room), "-" + room);
            case 4 -> valid.replace(Long.toString(room), "0" + room);
            case 5 -> valid.toUpperCase(java.util.Locale.ROOT);
            case 6 -> " " + valid;
            default -> valid; // well-formed: another owner's or a missing room
        };
    }

    private static String randomBytes(Random random) {
        StringBuilder data = new StringBuilder();
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
            data.append((char) random.nextInt(0x3000));
        }
        return data.toString();
    }

    // --- helpers -----------------------------------------------------------------------------

    /** A thousand updates, each with Bot API calls, on a shared 2-core build machine: a bound, not a timing check. */
    private static void awaitHandled(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the bot handled every update within 5 minutes").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void createRoom(long owner, String title) {
        press(owner, "🆕 Новый канал", "Напишите название канала");
        say(owner, title, "📌 " + title);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("core.channels", "core.publications", "core.invites", "core.clients",
                "core.bot_conversations", "analytics.refresh_runs", "analytics.view_snapshots")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        counts.put("deleted rooms", jdbc.sql("SELECT count(*) FROM core.channels WHERE deleted").query(Long.class).single());
        return counts;
    }

    private double updates() {
        return meters.find("smetabot.bot.updates").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double callbacks(String outcome) {
        return meters.find("smetabot.bot.callbacks").tag("outcome", outcome).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static String abbreviate(String json) {
        return json.length() > 2_000 ? json.substring(0, 2_000) + "…" : json;
    }
}
