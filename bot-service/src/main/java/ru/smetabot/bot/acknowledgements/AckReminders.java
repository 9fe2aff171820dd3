package ru.smetabot.bot.acknowledgements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.acknowledgements.AckData.FileAck;
import ru.smetabot.bot.acknowledgements.AckData.Person;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.rooms.Room;

/**
 * "🔔 Напомнить": a message through the bot to each client of the room who has not acknowledged the file.
 * A bot can write only to users who started it (Telegram answers 403 "bot can't initiate conversation with a
 * user", or "bot was blocked by the user"): those are listed to the owner as not reminded. At most once per
 * file per {@link AckProperties#remindInterval()}, claimed in the database so two presses send once.
 */
@Service
class AckReminders {

    private static final Logger log = LoggerFactory.getLogger(AckReminders.class);
    private static final long CHANNEL_ID_BASE = -1_000_000_000_000L;

    private final AckStore store;
    private final AckScreens screens;
    private final BotGateway gateway;
    private final AckMetrics metrics;
    private final Texts texts;
    private final AckProperties properties;
    private final OwnerZones zones;
    private final Clock clock;

    AckReminders(AckStore store, AckScreens screens, BotGateway gateway, AckMetrics metrics, Texts texts,
            AckProperties properties, OwnerZones zones, ObjectProvider<Clock> clock) {
        this.store = store;
        this.screens = screens;
        this.gateway = gateway;
        this.metrics = metrics;
        this.texts = texts;
        this.properties = properties;
        this.zones = zones;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void remind(CallbackContext ctx, long publicationId) {
        Room room = ctx.room();
        Optional<FileAck> file = store.file(room.getId(), publicationId);
        if (file.isEmpty()) {
            ctx.answer(texts.get(ctx.locale(), "callback.refused"), true);
            return;
        }
        Instant now = clock.instant();
        if (!store.claimReminder(publicationId, now, now.minus(properties.remindInterval()))) {
            metrics.reminder("too_soon", 1);
            Instant last = store.remindedAt(publicationId).orElse(now);
            ctx.answer(texts.get(ctx.locale(), "ack.remind.too_soon",
                    Dates.dateTime(last.plus(properties.remindInterval()), zones.zone(room)), properties.remindInterval().toMinutes()), true);
            return;
        }
        ctx.answer(texts.get(ctx.locale(), "ack.remind.sending"));
        List<Person> pending = store.pending(room.getId(), publicationId);
        String text = AckViews.reminder(file.get().fileName(), room.getTitle(), postLink(room, publicationId), texts,
                Texts.RUSSIAN);
        int sent = 0;
        int failed = 0;
        List<Person> unreachable = new ArrayList<>();
        for (Person person : pending) {
            try {
                gateway.send(person.tgUserId(), Screen.text(text));
                sent++;
            } catch (BotApiException e) {
                if (e.isForbidden()) {
                    unreachable.add(person);
                } else {
                    failed++;
                    log.warn("Room {}: reminder about file {} to user {} failed: {}", room.getId(), publicationId,
                            person.tgUserId(), e.getMessage());
                }
            }
        }
        metrics.reminder("sent", sent);
        metrics.reminder("never_started", unreachable.size());
        metrics.reminder("failed", failed);
        log.info("Room {}: reminded {} of {} clients about file {} ({} never started the bot or blocked it, {} failed)",
                room.getId(), sent, pending.size(), publicationId, unreachable.size(), failed);
        gateway.send(ctx.chatId(), Screen.text(AckViews.remindResult(file.get().fileName(), sent, unreachable, failed,
                texts, ctx.locale())));
        screens.file(room, publicationId, 0, ctx.locale()).ifPresent(screen -> gateway.edit(ctx.chatId(), ctx.messageId(), screen));
    }

    /** The post's t.me link: by username for a public channel, the /c/ form (members only) for a private one. */
    private String postLink(Room room, long publicationId) {
        Long messageId = store.messageId(publicationId);
        if (messageId == null) {
            return null;
        }
        if (room.getUsername() != null && !room.getUsername().isBlank()) {
            return "https://t.me/" + room.getUsername() + "/" + messageId;
        }
        return room.getTgChatId() < CHANNEL_ID_BASE ? "https://t.me/c/" + (CHANNEL_ID_BASE - room.getTgChatId()) + "/" + messageId
                : null;
    }
}
