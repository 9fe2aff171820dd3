package ru.smetabot.bot.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates whose answer is parsed one update at a time when the whole batch does not parse. TelegramBots
 * parses the batch as a whole, and one update it cannot read used to fail the batch; the offset never moved
 * and the same batch came back forever. Here the updates that parse go on; one that does not is handed to
 * {@link Listener#unparsed} (kept for inspection) and replaced by an empty update with its id, so the offset
 * moves past it. Also notices a restarted update_id sequence (ids below the offset asked for), which the
 * poller needs to know: TelegramBots drops updates with ids below the last one it saw.
 */
class TolerantGetUpdates extends GetUpdates {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where what this answer revealed goes. */
    interface Listener {
        void unparsed(Long updateId, String rawJson, String error);

        void sequenceRestarted(int lowestId);
    }

    @JsonIgnore
    private final transient Listener listener;

    TolerantGetUpdates(Integer offset, Integer limit, Integer timeout, List<String> allowedUpdates, Listener listener) {
        super(offset, limit, timeout, allowedUpdates);
        this.listener = listener;
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        ArrayList<Update> updates;
        try {
            updates = super.deserializeResponse(answer);
        } catch (TelegramApiRequestException | RuntimeException e) {
            updates = oneByOne(answer, e);
        }
        int lowest = updates.stream().mapToInt(Update::getUpdateId).min().orElse(Integer.MAX_VALUE);
        if (getOffset() != null && getOffset() > 1 && lowest < getOffset()) {
            listener.sequenceRestarted(lowest);
        }
        return updates;
    }

    private ArrayList<Update> oneByOne(String answer, Exception batchError) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (Exception notJson) {
            throw rethrow(batchError);
        }
        if (!root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
            throw rethrow(batchError); // Telegram's own error answer: TelegramBots reports it as before
        }
        ArrayList<Update> updates = new ArrayList<>();
        for (JsonNode element : root.get("result")) {
            try {
                updates.addAll(super.deserializeResponse("{\"ok\":true,\"result\":[" + element + "]}"));
            } catch (TelegramApiRequestException | RuntimeException e) {
                JsonNode id = element.path("update_id");
                Integer updateId = id.isIntegralNumber() && id.canConvertToInt() ? id.intValue() : null;
                listener.unparsed(updateId == null ? null : updateId.longValue(), element.toString(),
                        e.getCause() == null ? e.toString() : e.getCause().toString());
                if (updateId != null) {
                    Update placeholder = new Update();
                    placeholder.setUpdateId(updateId);
                    updates.add(placeholder);
                }
            }
        }
        return updates;
    }

    private static TelegramApiRequestException rethrow(Exception e) {
        return e instanceof TelegramApiRequestException request ? request
                : new TelegramApiRequestException("Unable to deserialize response", e);
    }
}
