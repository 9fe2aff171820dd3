package ru.smetabot.bot.callbacks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import ru.smetabot.bot.callbacks.Callback.RoomCallback;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.rooms.RoomAccess;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.BotMetrics;
import ru.smetabot.bot.telegram.UpdateHandler;
import ru.smetabot.bot.telegram.UpdateKind;
import ru.smetabot.model.rooms.Room;

/**
 * Every callback_query: decode with {@link CallbackCodec}, check room ownership once, dispatch to the
 * one handler of that callback type, and make sure the query is answered. Forged, foreign or stale
 * data gets a polite refusal and changes nothing.
 */
@Component
class CallbackRouter implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(CallbackRouter.class);

    private final Map<Class<?>, CallbackHandler<?>> handlers = new HashMap<>();
    private final RoomAccess access;
    private final BotGateway gateway;
    private final BotMetrics metrics;
    private final Texts texts;

    CallbackRouter(List<CallbackHandler<?>> handlers, RoomAccess access, BotGateway gateway, BotMetrics metrics, Texts texts) {
        handlers.forEach(h -> this.handlers.put(h.type(), h));
        this.access = access;
        this.gateway = gateway;
        this.metrics = metrics;
        this.texts = texts;
    }

    @Override
    public UpdateKind kind() {
        return UpdateKind.CALLBACK_QUERY;
    }

    @Override
    public void handle(Update update) {
        CallbackQuery query = update.getCallbackQuery();
        long userId = query.getFrom().getId();
        Locale locale = Texts.localeOf(query.getFrom());
        MaybeInaccessibleMessage message = query.getMessage();
        Optional<Callback> decoded = CallbackCodec.decode(query.getData());
        if (decoded.isEmpty() || message == null) {
            refuse(query, locale, "malformed");
            return;
        }
        Callback callback = decoded.get();
        Room room = null;
        if (callback instanceof RoomCallback roomCallback) {
            Optional<Room> owned = access.ownedRoom(userId, roomCallback.roomId());
            if (owned.isEmpty()) {
                refuse(query, locale, "refused");
                return;
            }
            room = owned.get();
        }
        CallbackContext context = new CallbackContext(gateway, query.getId(), userId, locale,
                message.getChatId(), message.getMessageId(), room);
        try {
            dispatch(context, callback);
            metrics.callback("handled");
        } catch (RuntimeException e) {
            metrics.callback("failed");
            context.answer(texts.get(locale, "error.generic"), false);
            throw e;
        } finally {
            context.answer(null, false);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends Callback> void dispatch(CallbackContext context, T callback) {
        CallbackHandler<T> handler = (CallbackHandler<T>) handlers.get(callback.getClass());
        if (handler == null) {
            throw new IllegalStateException("No handler for callback " + callback);
        }
        handler.handle(context, callback);
    }

    private void refuse(CallbackQuery query, Locale locale, String outcome) {
        metrics.callback(outcome);
        log.warn("Refused callback data '{}' from user {} ({})", query.getData(), query.getFrom().getId(), outcome);
        gateway.answer(query.getId(), texts.get(locale, "callback.refused"), true);
    }
}
