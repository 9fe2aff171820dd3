package ru.smetabot.bot.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;
import ru.smetabot.model.contractors.ContractorRepository;

/**
 * A message to a room's owner about something that just happened, as the owner chose in "🔔 Уведомления":
 * sent now in "⚡ Сразу"; in "📰 Раз в день" nothing now, as the daily digest reads the same facts from the
 * database; nothing at all in "🔕 Выключены". Counted as {@code smetabot_bot_notices_total{kind,outcome}}.
 */
@Service
public class InstantNotices {

    private static final Logger log = LoggerFactory.getLogger(InstantNotices.class);

    private final NotificationSettings settings;
    private final ContractorRepository contractors;
    private final BotGateway gateway;
    private final MeterRegistry meters;

    InstantNotices(NotificationSettings settings, ContractorRepository contractors, BotGateway gateway, MeterRegistry meters) {
        this.settings = settings;
        this.contractors = contractors;
        this.gateway = gateway;
        this.meters = meters;
    }

    /** Tells the owner of room {@code roomId} (owned by {@code contractorId}) {@code text}, in the owner's language. */
    public void tell(long roomId, long contractorId, NoticeKind kind, Function<Locale, String> text) {
        NotificationMode mode = settings.mode(roomId);
        if (mode != NotificationMode.INSTANT) {
            held(roomId, kind, mode);
            return;
        }
        Contractor owner = contractors.findById(contractorId).orElse(null);
        if (owner == null) {
            count(kind, "no_owner");
            return;
        }
        send(roomId, contractorId, owner.getTgUserId(), owner.getLanguageCode(), kind, text);
    }

    /** The same for a room read with its owner and mode ({@link NoticeRooms}): no further reads. */
    public void tell(NoticeRoom room, NoticeKind kind, Function<Locale, String> text) {
        if (!room.notifiesInstantly()) {
            held(room.id(), kind, room.mode());
            return;
        }
        if (room.ownerTgUserId() == null) {
            count(kind, "no_owner");
            return;
        }
        send(room.id(), room.contractorId(), room.ownerTgUserId(), room.ownerLanguage(), kind, text);
    }

    private void held(long roomId, NoticeKind kind, NotificationMode mode) {
        count(kind, mode == NotificationMode.DAILY ? "digest" : "off");
        log.debug("Room {}: no instant {} notice (the owner chose {})", roomId, kind.tag(), mode.dbValue());
    }

    private void send(long roomId, long contractorId, long ownerChat, String language, NoticeKind kind,
            Function<Locale, String> text) {
        try {
            gateway.send(ownerChat, Screen.text(text.apply(Texts.localeOf(language))));
            count(kind, "sent");
            log.info("Room {}: told the owner ({} notice)", roomId, kind.tag());
        } catch (BotApiException e) {
            count(kind, "failed");
            log.warn("Room {}: {} notice to owner {} not delivered ({}); it is still in the daily digest if the owner "
                    + "switches to it, and on the screens", roomId, kind.tag(), contractorId, e.getMessage());
        }
    }

    private void count(NoticeKind kind, String outcome) {
        meters.counter("smetabot.bot.notices", "kind", kind.tag(), "outcome", outcome).increment();
    }
}
