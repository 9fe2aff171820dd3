package ru.smetabot.bot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.model.text.TelegramText;
import ru.smetabot.model.updates.ProcessedUpdates.Key;

/**
 * An update as stored in {@code core.processed_updates}: its JSON (TelegramBots' own Jackson 2 mapping, so it
 * reads back as the same {@link Update}) and the de-duplication key. The key is update_id plus a SHA-256 of
 * that JSON: a redelivery is the same update, so the same JSON and key; after a week without updates Telegram
 * restarts update_id at a random value, and a new update reusing an old id has other content (date, sender,
 * chat), so it is not taken for a redelivery. (Expiring claims alone would leave a window of up to the
 * cleanup period in which a reused id is silently skipped.)
 */
@Component
public class UpdateJson {

    /** One digest per thread: MessageDigest.getInstance looks the provider up on every call. digest() resets it. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    });

    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The update as handlers see it and its key. */
    public record Prepared(Update update, Key key) {
    }

    /**
     * The one entry point of Telegram-supplied text: every string in the update goes through
     * {@link TelegramText#clean} (names, titles, link names, file names, texts), so no handler writes a NUL
     * into PostgreSQL and fails after its side effects. Then the key of the cleaned update.
     */
    public Prepared prepare(Update update) {
        UpdateKind kind = UpdateKind.of(update);
        long id = update.getUpdateId() == null ? 0L : update.getUpdateId();
        try {
            JsonNode tree = mapper.valueToTree(update);
            Update clean = cleanText(tree) ? mapper.treeToValue(tree, Update.class) : update;
            // the text, then its bytes: Jackson's byte writer escapes emoji (surrogate pairs) as two JSON u-escapes, which
            // would change the key of every update with an emoji against the rows parked before
            String json = mapper.writeValueAsString(tree);
            return new Prepared(clean, new Key(id, sha256(json.getBytes(StandardCharsets.UTF_8)), kind.apiName(), json));
        } catch (JsonProcessingException | RuntimeException e) {
            return new Prepared(update, new Key(id, "unserialisable", kind.apiName(), null));
        }
    }

    public Key key(Update update) {
        return prepare(update).key();
    }

    /** Cleans every text node in place; true when one changed. */
    private static boolean cleanText(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    String text = field.getValue().textValue();
                    if (!TelegramText.isClean(text)) {
                        field.setValue(TextNode.valueOf(TelegramText.clean(text)));
                        changed = true;
                    }
                } else {
                    changed |= cleanText(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && !TelegramText.isClean(element.textValue())) {
                    array.set(i, TextNode.valueOf(TelegramText.clean(element.textValue())));
                    changed = true;
                } else {
                    changed |= cleanText(element);
                }
            }
        }
        return changed;
    }

    public Update read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Update.class);
    }

    /** The SHA-256 of the JSON text's UTF-8 bytes, hex. */
    static String sha256(byte[] utf8) {
        return HexFormat.of().formatHex(DIGEST.get().digest(utf8));
    }
}
