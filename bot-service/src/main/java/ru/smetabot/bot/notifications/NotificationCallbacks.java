package ru.smetabot.bot.notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.model.rooms.Room;
import ru.smetabot.bot.telegram.BotGateway;

/** "🔔 Уведомления" on the card and the choice of a mode; the router has checked the room is the presser's. */
@Configuration(proxyBeanMethods = false)
class NotificationCallbacks {

    @Bean
    CallbackHandler<Callback.NotifySettings> notifySettings(NotificationSettings settings, BotGateway gateway, Texts texts,
            DigestProperties digests, OwnerZones zones) {
        return CallbackHandler.of(Callback.NotifySettings.class, (ctx, cb) -> {
            ctx.answer(null);
            show(ctx, settings.mode(cb.roomId()), gateway, texts, owners(digests, zones, ctx.room()));
        });
    }

    @Bean
    CallbackHandler<Callback.NotifyMode> notifyMode(NotificationSettings settings, BotGateway gateway, Texts texts,
            DigestProperties digests, OwnerZones zones) {
        return CallbackHandler.of(Callback.NotifyMode.class, (ctx, cb) -> {
            NotificationMode mode = NotificationMode.fromDb(cb.mode());
            settings.set(cb.roomId(), mode);
            ctx.answer(texts.get(ctx.locale(), "notify.saved", NotificationsView.label(mode, texts, ctx.locale())));
            show(ctx, mode, gateway, texts, owners(digests, zones, ctx.room()));
        });
    }

    /** The digest times in the room owner's zone and at their hour. */
    private static DigestProperties owners(DigestProperties digests, OwnerZones zones, Room room) {
        return digests.forOwner(zones.zone(room), zones.digestHour(room.getContractorId()).orElse(null));
    }

    private static void show(CallbackContext ctx, NotificationMode mode, BotGateway gateway, Texts texts, DigestProperties digests) {
        gateway.edit(ctx.chatId(), ctx.messageId(),
                NotificationsView.render(ctx.room().getId(), ctx.room().getTitle(), mode, digests, texts, ctx.locale()));
    }
}
