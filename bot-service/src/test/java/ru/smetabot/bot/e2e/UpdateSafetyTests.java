package ru.smetabot.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.bot.telegram.UpdateDispatcher;
import ru.smetabot.bot.telegram.UpdateRetries;
import ru.smetabot.sandbox.client.SandboxTypes;

/**
 * Issue 15, defects 3, 5 and 6 on the update path: Telegram strings with control characters are stored
 * cleaned, a record update that fails (the database refuses) is parked and handled later, and a new update
 * reusing an update_id (Telegram restarts the sequence after a week without updates) is not skipped.
 */
class UpdateSafetyTests extends BotThroughSandbox {

    @Autowired
    UpdateDispatcher dispatcher;

    @Autowired
    UpdateRetries retries;

    @Test
    void badStringsWithNulAreCleanedAndStillRecorded() throws Exception {
        long owner = newOwner("Нуль", false);
        long chatId = adoptedRoom(owner, "Нуль — склад");
        long roomId = roomId(chatId);

        dispatcher.dispatch(RoomsTests.channelDocument(chatId, 91, "пл\u0000ан\u0007.dwg"));
        long client = BotSandbox.newUserId() + 600_000;
        dispatcher.dispatch(parse(chatMemberJoin(chatId, client, "Ив\\u0000ан")));
        long newChannel = -1_009_000_000_000L - ThreadLocalRandom.current().nextInt(1_000_000);
        dispatcher.dispatch(RoomsTests.botMembership(newChannel, owner, "Ремонт\\u0000 кухни", "left", "administrator"));

        assertThat(jdbc.sql("SELECT file_name FROM core.publications WHERE channel_id = :r AND message_id = 91")
                .param("r", roomId).query(String.class).single()).isEqualTo("план.dwg");
        assertThat(jdbc.sql("SELECT full_name FROM core.clients WHERE channel_id = :r AND tg_user_id = :u")
                .param("r", roomId).param("u", client).query(String.class).single()).isEqualTo("Иван");
        assertThat(jdbc.sql("SELECT title FROM core.channels WHERE tg_chat_id = :c").param("c", newChannel)
                .query(String.class).single()).isEqualTo("Ремонт кухни");
    }

    @Test
    void updatesLostInAnOutageAreParkedAndHandledWhenTheDatabaseAnswers() throws Exception {
        ClientInsertFault fault = new ClientInsertFault(jdbc);
        long owner = newOwner("Авария", false);
        long chatId = adoptedRoom(owner, "Авария — гараж");
        long client = BotSandbox.newUserId() + 600_000;
        fault.failFor(client);
        try {
            joinAsClient(chatId, client);
            SafetyTests.awaitTrue(() -> parked(client) == 1);
            assertThat(status(chatId, client)).isEqualTo("none");
        } finally {
            fault.heal(client);
        }
        jdbc.sql("UPDATE core.processed_updates SET next_attempt_at = now() WHERE state = 'retry' AND payload LIKE :p")
                .param("p", "%\"id\":" + client + ",%").update(); // the retry's pause has passed

        assertThat(retries.retryDue()).isGreaterThanOrEqualTo(1);

        assertThat(status(chatId, client)).isEqualTo("active");
        assertThat(parked(client)).isZero();
    }

    @Test
    void updateIdRestartedByTelegramDoesNotSilenceTheBot() {
        long first = BotSandbox.newUserId();
        long second = BotSandbox.newUserId();
        sandbox.createUser(first, "Первый", "first" + first);
        sandbox.createUser(second, "Второй", "second" + second);
        say(first, "привет", "Не понял"); // both have a dialog with the bot
        say(second, "привет", "Не понял");
        long greetedFirst = greetings(first);
        long greetedSecond = greetings(second);
        int sameId = ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000);

        dispatcher.dispatch(start(sameId, first));
        dispatcher.dispatch(start(sameId, first)); // a redelivery: skipped
        dispatcher.dispatch(start(sameId, second)); // a new update that reuses the id: handled

        assertThat(greetings(first)).as("greeted once").isEqualTo(greetedFirst + 1);
        assertThat(greetings(second)).as("greeted, not skipped as a redelivery").isEqualTo(greetedSecond + 1);
    }

    private long greetings(long user) {
        return sandbox.readDialog(user, BOT).messages().stream()
                .filter(m -> m.text() != null && m.text().contains("SmetaBot")).count();
    }

    private long adoptedRoom(long owner, String title) {
        SandboxTypes.Channel channel = sandbox.createChannel(owner, title);
        int before = sandbox.readDialog(owner, BOT).messages().size();
        sandbox.addAdmin(channel.id(), BOT);
        sandbox.awaitBotMessage(owner, BOT, "подключён", before, WAIT);
        return channel.id();
    }

    private long parked(long client) {
        return jdbc.sql("""
                SELECT count(*) FROM core.processed_updates
                 WHERE update_type = 'chat_member' AND state = 'retry' AND payload LIKE :p""")
                .param("p", "%\"id\":" + client + ",%").query(Long.class).single();
    }

    private String status(long chatId, long user) {
        return jdbc.sql("SELECT status FROM core.clients WHERE channel_id = :r AND tg_user_id = :u")
                .param("r", roomId(chatId)).param("u", user).query(String.class).optional().orElse("none");
    }

    private static Update start(int updateId, long user) {
        Update update = new Update();
        update.setUpdateId(updateId);
        update.setMessage(SafetyTests.message(user, "/start"));
        return update;
    }

    private static String chatMemberJoin(long chatId, long user, String firstName) {
        long now = System.currentTimeMillis() / 1000;
        String member = "{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"" + firstName + "\"}";
        return "{\"update_id\":" + ThreadLocalRandom.current().nextInt(1_500_000_000, 2_000_000_000) + ",\"chat_member\":{"
                + "\"chat\":{\"id\":" + chatId + ",\"type\":\"channel\",\"title\":\"x\"},\"from\":" + member + ",\"date\":" + now
                + ",\"old_chat_member\":{\"user\":" + member + ",\"status\":\"left\"},"
                + "\"new_chat_member\":{\"user\":" + member + ",\"status\":\"member\"}}}";
    }

    static Update parse(String json) throws Exception {
        List<Update> updates = new GetUpdates().deserializeResponse("{\"ok\":true,\"result\":[" + json + "]}");
        return updates.get(0);
    }
}
