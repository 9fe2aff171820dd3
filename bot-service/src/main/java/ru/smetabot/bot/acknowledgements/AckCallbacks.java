package ru.smetabot.bot.acknowledgements;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotGateway;

/**
 * The client's "✅ Ознакомлен" under a post, and the owner's "✅ Ознакомления" screens; for the owner's
 * (room) callbacks the router has checked the room is the presser's, and a file must be that room's.
 */
@Configuration(proxyBeanMethods = false)
class AckCallbacks {

    @Bean
    CallbackHandler<Callback.Acknowledge> acknowledge(Acknowledgements acknowledgements) {
        return CallbackHandler.of(Callback.Acknowledge.class, (ctx, cb) -> acknowledgements.press(ctx));
    }

    @Bean
    CallbackHandler<Callback.AckFiles> ackFiles(AckScreens screens, BotGateway gateway) {
        return CallbackHandler.of(Callback.AckFiles.class, (ctx, cb) -> {
            ctx.answer(null);
            gateway.edit(ctx.chatId(), ctx.messageId(), screens.files(ctx.room(), cb.page(), ctx.locale()));
        });
    }

    @Bean
    CallbackHandler<Callback.AckFile> ackFile(AckScreens screens, BotGateway gateway, Texts texts) {
        return CallbackHandler.of(Callback.AckFile.class, (ctx, cb) -> screens.file(ctx.room(), cb.publicationId(), cb.page(),
                ctx.locale()).ifPresentOrElse(screen -> {
                    ctx.answer(null);
                    gateway.edit(ctx.chatId(), ctx.messageId(), screen);
                }, () -> ctx.answer(texts.get(ctx.locale(), "callback.refused"), true)));
    }

    @Bean
    CallbackHandler<Callback.AckSwitch> ackSwitch(AckScreens screens, BotGateway gateway, Texts texts) {
        return CallbackHandler.of(Callback.AckSwitch.class, (ctx, cb) -> {
            screens.setEnabled(ctx.room(), cb.enabled());
            ctx.answer(texts.get(ctx.locale(), cb.enabled() ? "ack.switched.on" : "ack.switched.off"));
            gateway.edit(ctx.chatId(), ctx.messageId(), screens.files(ctx.room(), 0, ctx.locale()));
        });
    }

    @Bean
    CallbackHandler<Callback.AckRemind> ackRemind(AckReminders reminders) {
        return CallbackHandler.of(Callback.AckRemind.class, (ctx, cb) -> reminders.remind(ctx, cb.publicationId()));
    }
}
