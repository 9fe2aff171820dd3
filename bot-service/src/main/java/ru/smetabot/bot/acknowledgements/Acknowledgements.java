package ru.smetabot.bot.acknowledgements;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.acknowledgements.AckData.FileAck;
import ru.smetabot.bot.acknowledgements.AckData.Person;
import ru.smetabot.bot.acknowledgements.AckData.Post;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.InstantNotices;
import ru.smetabot.bot.notifications.NoticeKind;
import ru.smetabot.bot.settings.OwnerZones;

/**
 * A client pressed "✅ Ознакомлен" under a post in a room's channel (the callback's message is the post,
 * its {@code from} the client). Recorded once per client and file; a second press says when it was
 * recorded and changes nothing; someone who is not a client of the room now is refused politely. The
 * answer is a short toast (Telegram shows at most 200 characters) given within Telegram's 15 s window:
 * before the owner's notice, which may take a round trip of its own.
 */
@Service
class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final AckStore store;
    private final InstantNotices notices;
    private final AckMetrics metrics;
    private final Texts texts;
    private final OwnerZones zones;
    private final Clock clock;

    Acknowledgements(AckStore store, InstantNotices notices, AckMetrics metrics, Texts texts, OwnerZones zones,
            ObjectProvider<Clock> clock) {
        this.store = store;
        this.notices = notices;
        this.metrics = metrics;
        this.texts = texts;
        this.zones = zones;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void press(CallbackContext ctx) {
        Optional<Post> found = store.post(ctx.chatId(), ctx.messageId());
        if (found.isEmpty()) {
            refuse(ctx, "unknown_post", "ack.unknown_post");
            return;
        }
        Post post = found.get();
        Optional<Person> client = store.activeClient(post.roomId(), ctx.userId());
        if (client.isEmpty()) {
            refuse(ctx, "not_client", "ack.not_client");
            return;
        }
        if (!post.enabled()) {
            refuse(ctx, "switched_off", "ack.switched_off");
            return;
        }
        store.markAsked(post.publicationId()); // a post whose recording raced the press still counts on the card
        Optional<Instant> recorded = store.record(post.publicationId(), client.get().clientId(), clock.instant());
        if (recorded.isEmpty()) {
            metrics.press("repeated");
            Instant at = store.acknowledgedAt(post.publicationId(), client.get().clientId()).orElse(clock.instant());
            // The client is told the date in the room owner's zone: the channel's time, as on the owner's screens.
            ctx.answer(texts.get(ctx.locale(), "ack.already", Dates.dateTime(at, zones.zoneOfRoom(post.roomId()))));
            return;
        }
        metrics.press("recorded");
        ctx.answer(texts.get(ctx.locale(), "ack.thanks"));
        log.info("Room {}: client {} acknowledged file {} (message {})", post.roomId(), client.get().clientId(),
                post.publicationId(), ctx.messageId());
        FileAck counts = store.file(post.roomId(), post.publicationId()).orElseThrow();
        long active = store.activeClients(post.roomId());
        notices.tell(post.roomId(), post.contractorId(), NoticeKind.ACKNOWLEDGED, locale -> AckViews.notice(client.get(),
                post.fileName(), post.roomTitle(), counts.acknowledged(), active, texts, locale));
    }

    private void refuse(CallbackContext ctx, String outcome, String key) {
        metrics.press(outcome);
        log.info("Acknowledgement refused ({}): user {} on message {} of chat {}", outcome, ctx.userId(), ctx.messageId(),
                ctx.chatId());
        ctx.answer(texts.get(ctx.locale(), key), true);
    }
}
