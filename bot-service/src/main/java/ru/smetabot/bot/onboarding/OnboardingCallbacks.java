package ru.smetabot.bot.onboarding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.account.Contractors;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.rooms.NewRoomFlow;

/** The checklist's "🆕 Новый канал" (its link and file buttons are the card's own callbacks). */
@Configuration(proxyBeanMethods = false)
class OnboardingCallbacks {

    @Bean
    CallbackHandler<Callback.StartNewRoom> onboardingNewRoom(Contractors contractors, NewRoomFlow newRoom) {
        return CallbackHandler.of(Callback.StartNewRoom.class, (ctx, cb) -> {
            ctx.answer(null);
            contractors.find(ctx.userId()).ifPresent(owner -> newRoom.start(ctx.chatId(), owner, ctx.locale()));
        });
    }
}
