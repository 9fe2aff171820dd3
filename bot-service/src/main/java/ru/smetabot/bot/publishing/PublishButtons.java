package ru.smetabot.bot.publishing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;

/** The card's "📤 Опубликовать файл" and the room chooser's buttons. */
@Configuration(proxyBeanMethods = false)
class PublishButtons {

    @Bean
    CallbackHandler<Callback.PublishHere> publishHere(PublishFlow flow) {
        return CallbackHandler.of(Callback.PublishHere.class, (ctx, cb) -> {
            ctx.answer(null);
            flow.startFor(ctx.chatId(), ctx.userId(), ctx.room(), ctx.locale());
        });
    }

    @Bean
    CallbackHandler<Callback.PublishPending> publishPending(PublishFlow flow, Texts texts) {
        return CallbackHandler.of(Callback.PublishPending.class, (ctx, cb) -> flow.takePending(ctx.userId()).ifPresentOrElse(
                pending -> {
                    ctx.answer(texts.get(ctx.locale(), "publish.publishing"));
                    flow.publishPending(ctx.chatId(), ctx.messageId(), ctx.room(), pending, ctx.locale());
                },
                () -> ctx.answer(texts.get(ctx.locale(), "publish.nothing_pending"), true)));
    }
}
