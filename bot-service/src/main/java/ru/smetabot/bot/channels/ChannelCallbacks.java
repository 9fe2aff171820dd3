package ru.smetabot.bot.channels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.account.Contractors;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;

/** The card's and the list's buttons; "👥 Участники" and "🔗 Ссылки" are handled in members and invites. */
@Configuration(proxyBeanMethods = false)
class ChannelCallbacks {

    @Bean
    CallbackHandler<Callback.RoomList> roomListPage(ChannelScreens screens, Contractors contractors) {
        return CallbackHandler.of(Callback.RoomList.class, (ctx, cb) -> contractors.find(ctx.userId()).ifPresent(c -> {
            ctx.answer(null);
            screens.editRoomList(ctx.chatId(), ctx.messageId(), c.getId(), cb.page(), ctx.locale());
        }));
    }

    @Bean
    CallbackHandler<Callback.OpenCard> openCard(ChannelScreens screens) {
        return CallbackHandler.of(Callback.OpenCard.class, (ctx, cb) -> {
            ctx.answer(null);
            screens.editCard(ctx.chatId(), ctx.messageId(), ctx.room(), cb.page(), null, ctx.locale());
        });
    }

    @Bean
    CallbackHandler<Callback.Noop> noop() {
        return CallbackHandler.of(Callback.Noop.class, (ctx, cb) -> ctx.answer(null));
    }
}
