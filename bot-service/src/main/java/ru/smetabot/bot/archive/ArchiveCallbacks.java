package ru.smetabot.bot.archive;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.account.Contractors;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;

/** The archive's buttons; the router checked that the presser owns the room. */
@Configuration(proxyBeanMethods = false)
class ArchiveCallbacks {

    @Bean
    CallbackHandler<Callback.ArchiveAsk> archiveAsk(ArchiveScreens screens) {
        return CallbackHandler.of(Callback.ArchiveAsk.class, (ctx, cb) -> {
            ctx.answer(null);
            screens.ask(ctx);
        });
    }

    @Bean
    CallbackHandler<Callback.ArchiveRoom> archiveRoom(ArchiveScreens screens, Texts texts) {
        return CallbackHandler.of(Callback.ArchiveRoom.class, (ctx, cb) -> {
            // Answered first: revoking many links and removing many clients can take longer than the 15 s window.
            ctx.answer(texts.get(ctx.locale(), "archive.working"));
            screens.archive(ctx, cb.removeClients());
        });
    }

    @Bean
    CallbackHandler<Callback.ArchivedList> archivedList(ArchiveScreens screens, Contractors contractors) {
        return CallbackHandler.of(Callback.ArchivedList.class, (ctx, cb) -> contractors.find(ctx.userId()).ifPresent(c -> {
            ctx.answer(null);
            screens.showList(ctx, c.getId(), cb.page());
        }));
    }

    @Bean
    CallbackHandler<Callback.ArchivedCard> archivedCard(ArchiveScreens screens) {
        return CallbackHandler.of(Callback.ArchivedCard.class, (ctx, cb) -> {
            ctx.answer(null);
            screens.showCard(ctx);
        });
    }

    @Bean
    CallbackHandler<Callback.ReopenRoom> reopenRoom(ArchiveScreens screens) {
        return CallbackHandler.of(Callback.ReopenRoom.class, (ctx, cb) -> screens.reopen(ctx));
    }

    @Bean
    CallbackHandler<Callback.RenameRoom> renameRoom(RenameInput rename) {
        return CallbackHandler.of(Callback.RenameRoom.class, (ctx, cb) -> {
            ctx.answer(null);
            rename.ask(ctx.chatId(), ctx.userId(), ctx.room(), ctx.locale());
        });
    }
}
