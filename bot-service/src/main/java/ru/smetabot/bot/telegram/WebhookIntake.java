package ru.smetabot.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;
import ru.smetabot.bot.telegram.UpdateJson.Prepared;

/**
 * Webhook mode's way into the same pipeline the poller feeds: one update's JSON is parsed with TelegramBots'
 * mapping, prepared, parked in {@code core.processed_updates} and taken in one statement (so an instance that dies
 * while handling it leaves it to {@link UpdateRetries}; a redelivery of one taken before is answered, not handled),
 * then handled on the caller's thread. Handling before answering keeps one chat's
 * updates in order across instances: Telegram sends a chat's next update only after the previous one was
 * answered with a 2xx. A body that does not parse is kept in {@code core.unparsed_updates}.
 */
@Component
@ConditionalOnProperty(name = "smetabot.bot.updates", havingValue = "webhook")
public class WebhookIntake {

    /** What became of one pushed update; only {@link #NOT_PARKED} asks Telegram to send it again. */
    public enum Outcome { HANDLED, UNPARSED, NOT_PARKED }

    private static final ObjectMapper TREES = new ObjectMapper();

    private final UpdateJson json;
    private final UpdateInbox inbox;
    private final UpdateDispatcher dispatcher;
    private final UnparsedUpdates unparsed;

    WebhookIntake(UpdateJson json, UpdateInbox inbox, UpdateDispatcher dispatcher, UnparsedUpdates unparsed) {
        this.json = json;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.unparsed = unparsed;
    }

    public Outcome accept(String body) {
        Update update;
        try {
            update = json.read(body);
        } catch (Exception e) {
            unparsed.park(updateIdOf(body), body, e.getCause() == null ? e.toString() : e.getCause().toString());
            return Outcome.UNPARSED;
        }
        if (update == null || update.getUpdateId() == null) {
            unparsed.park(null, body, "no update_id");
            return Outcome.UNPARSED;
        }
        if (!dispatcher.handles(UpdateKind.of(update))) {
            dispatcher.dispatch(update); // counted as ignored
            return Outcome.HANDLED;
        }
        Prepared prepared = json.prepare(update);
        UpdateInbox.Parked parked = inbox.parkTaken(prepared);
        if (parked == UpdateInbox.Parked.NOT_PARKED) {
            return Outcome.NOT_PARKED;
        }
        dispatcher.dispatchTaken(prepared, parked == UpdateInbox.Parked.TAKEN);
        return Outcome.HANDLED;
    }

    private static Long updateIdOf(String body) {
        try {
            JsonNode id = TREES.readTree(body).path("update_id");
            return id.isIntegralNumber() ? id.longValue() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
