package ru.smetabot.bot.settings;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.account.Contractors;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.notifications.DigestProperties;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.contractors.Contractor;

/**
 * Shows and changes an owner's settings. Every change is the presser's own (callback data names no owner), is
 * counted in {@code smetabot_bot_settings_changes_total{setting}} and logged.
 */
@Service
public class SettingsScreens {

    private static final Logger log = LoggerFactory.getLogger(SettingsScreens.class);

    private final OwnerZones zones;
    private final Contractors contractors;
    private final BotGateway gateway;
    private final Texts texts;
    private final DigestProperties digests;
    private final MeterRegistry registry;
    private final Clock clock;

    SettingsScreens(OwnerZones zones, Contractors contractors, BotGateway gateway, Texts texts, DigestProperties digests,
            MeterRegistry registry, ObjectProvider<Clock> clock) {
        this.zones = zones;
        this.contractors = contractors;
        this.gateway = gateway;
        this.texts = texts;
        this.digests = digests;
        this.registry = registry;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The menu's "⚙️ Настройки": a new message. */
    public void send(long chatId, Contractor contractor, Locale locale) {
        gateway.send(chatId, overview(contractor.getId(), locale));
    }

    void show(CallbackContext ctx) {
        ctx.answer(null);
        owner(ctx).ifPresent(id -> gateway.edit(ctx.chatId(), ctx.messageId(), overview(id, ctx.locale())));
    }

    void zonePage(CallbackContext ctx, int page) {
        ctx.answer(null);
        owner(ctx).ifPresent(id -> gateway.edit(ctx.chatId(), ctx.messageId(),
                SettingsView.zones(page, zones.zone(id), clock.instant(), texts, ctx.locale())));
    }

    void chooseZone(CallbackContext ctx, int index) {
        Optional<ZoneId> zone = TimeZones.at(index);
        Optional<Long> owner = owner(ctx);
        if (zone.isEmpty() || owner.isEmpty()) {
            ctx.answer(texts.get(ctx.locale(), "callback.refused"), true);
            return;
        }
        zones.setZone(owner.get(), zone.get());
        registry.counter("smetabot.bot.settings.changes", "setting", "time_zone").increment();
        log.info("Owner {} (contractor {}) chose time zone {}", ctx.userId(), owner.get(), zone.get());
        ctx.answer(texts.get(ctx.locale(), "settings.zone_saved", TimeZones.label(zone.get(), clock.instant())));
        gateway.edit(ctx.chatId(), ctx.messageId(), overview(owner.get(), ctx.locale()));
    }

    void hours(CallbackContext ctx) {
        ctx.answer(null);
        owner(ctx).ifPresent(id -> gateway.edit(ctx.chatId(), ctx.messageId(),
                SettingsView.hours(digestTime(id), zones.zone(id), texts, ctx.locale())));
    }

    void chooseHour(CallbackContext ctx, int hour) {
        Optional<Long> owner = owner(ctx);
        if (owner.isEmpty()) {
            ctx.answer(texts.get(ctx.locale(), "callback.refused"), true);
            return;
        }
        zones.setDigestHour(owner.get(), hour);
        registry.counter("smetabot.bot.settings.changes", "setting", "digest_hour").increment();
        log.info("Owner {} (contractor {}) chose digests at {}:00 ({})", ctx.userId(), owner.get(), hour, zones.zone(owner.get()));
        ctx.answer(texts.get(ctx.locale(), "settings.digest_saved", LocalTime.of(hour, 0).toString()));
        gateway.edit(ctx.chatId(), ctx.messageId(), overview(owner.get(), ctx.locale()));
    }

    private Screen overview(long contractorId, Locale locale) {
        Optional<ZoneId> chosen = zones.chosen(contractorId);
        return SettingsView.overview(chosen.orElse(zones.defaultZone()), chosen.isPresent(), digestTime(contractorId),
                clock.instant(), texts, locale);
    }

    /** The owner's digest time: the hour they chose, else DIGEST_TIME. */
    private LocalTime digestTime(long contractorId) {
        return zones.digestHour(contractorId).map(h -> LocalTime.of(h, 0)).orElse(digests.daily());
    }

    private Optional<Long> owner(CallbackContext ctx) {
        return contractors.find(ctx.userId()).map(Contractor::getId);
    }
}
