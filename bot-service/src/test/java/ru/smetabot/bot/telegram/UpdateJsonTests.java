package ru.smetabot.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import ru.smetabot.bot.telegram.UpdateJson.Prepared;

/**
 * The key must not change with how it is computed: a redelivery after a deploy is recognised only if the new
 * build hashes the same update to the same key as the rows the old build parked.
 */
class UpdateJsonTests {

    private static final String JOIN = """
            {"update_id":501,"chat_member":{"chat":{"id":-1001,"type":"channel","title":"Ремонт 🏠 кухни"},
             "from":{"id":7,"is_bot":false,"first_name":"Ив\\u0000ан 👷"},"date":1700000000,
             "old_chat_member":{"user":{"id":7,"is_bot":false,"first_name":"Ив\\u0000ан 👷"},"status":"left"},
             "new_chat_member":{"user":{"id":7,"is_bot":false,"first_name":"Ив\\u0000ан 👷"},"status":"member"}}}""";

    private final UpdateJson json = new UpdateJson();

    @Test
    void theKeyIsTheSha256OfTheCleanedJsonTextAsBefore() throws Exception {
        Prepared prepared = json.prepare(json.read(JOIN));

        String payload = prepared.key().payload();
        assertThat(payload).contains("Иван 👷").doesNotContain("\\u0000");
        assertThat(prepared.key().contentHash()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8))));
        assertThat(payload).isEqualTo(new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(payload)));
        assertThat(prepared.update().getChatMember().getNewChatMember().getUser().getFirstName()).isEqualTo("Иван 👷");
    }

    @Test
    void aRedeliveryGetsTheSameKeyOnAnyThread() throws Exception {
        Prepared first = json.prepare(json.read(JOIN));
        Prepared[] elsewhere = new Prepared[1];
        Thread other = new Thread(() -> {
            try {
                elsewhere[0] = json.prepare(json.read(JOIN));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        other.join();

        assertThat(elsewhere[0].key()).isEqualTo(first.key());
        assertThat(json.prepare(json.read(JOIN.replace("\"date\":1700000000", "\"date\":1700000001"))).key().contentHash())
                .isNotEqualTo(first.key().contentHash());
    }
}
