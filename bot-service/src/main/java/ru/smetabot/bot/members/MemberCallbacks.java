package ru.smetabot.bot.members;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.members.MembersData.ClientLine;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.FailureHints;
import ru.smetabot.model.clients.Client;

/** "👥 Участники", its pages, and block/unblock with a confirmation step. */
@Configuration(proxyBeanMethods = false)
class MemberCallbacks {

    private final MembersService members;
    private final ClientBlocking blocking;
    private final BotGateway gateway;
    private final Texts texts;
    private final BotProperties properties;
    private final ru.smetabot.bot.settings.OwnerZones zones;
    private final FailureHints hints;

    MemberCallbacks(MembersService members, ClientBlocking blocking, BotGateway gateway, Texts texts, BotProperties properties,
            FailureHints hints, ru.smetabot.bot.settings.OwnerZones zones) {
        this.zones = zones;
        this.hints = hints;
        this.members = members;
        this.blocking = blocking;
        this.gateway = gateway;
        this.texts = texts;
        this.properties = properties;
    }

    @Bean
    CallbackHandler<Callback.Members> membersFirstPage() {
        return CallbackHandler.of(Callback.Members.class, (ctx, cb) -> {
            ctx.answer(null);
            show(ctx, 0, null);
        });
    }

    @Bean
    CallbackHandler<Callback.MembersPage> membersPage() {
        return CallbackHandler.of(Callback.MembersPage.class, (ctx, cb) -> {
            ctx.answer(null);
            show(ctx, cb.page(), null);
        });
    }

    @Bean
    CallbackHandler<Callback.ClientBlock> clientBlock() {
        return CallbackHandler.of(Callback.ClientBlock.class, (ctx, cb) -> {
            Optional<Client> client = blocking.find(ctx.room(), cb.clientId());
            if (client.isEmpty()) {
                ctx.answer(texts.get(ctx.locale(), "callback.refused"), true);
                return;
            }
            Client c = client.get();
            if (!cb.confirmed()) {
                ctx.answer(null);
                ClientLine line = new ClientLine(c.getId(), c.getFullName(), c.getUsername(), c.getTgUserId(), null,
                        c.getJoinedAt(), c.getStatus());
                gateway.edit(ctx.chatId(), ctx.messageId(), MembersView.confirm(ctx.room().getId(), line, cb.block(), texts, ctx.locale()));
                return;
            }
            try {
                if (cb.block()) {
                    blocking.block(ctx.room(), c);
                } else {
                    blocking.unblock(ctx.room(), c);
                }
                String done = texts.get(ctx.locale(), cb.block() ? "members.blocked" : "members.unblocked",
                        MembersView.who(c.getFullName(), c.getUsername(), c.getTgUserId(), texts, ctx.locale()));
                ctx.answer(null);
                show(ctx, 0, done);
            } catch (BotApiException e) {
                // A callback answer is plain text (no HTML parsing): the hint goes in as it is.
                ctx.answer(texts.get(ctx.locale(), "members.block_failed",
                        hints.hint(ctx.locale(), e, FailureHints.Right.RESTRICT_MEMBERS)), true);
            }
        });
    }

    private void show(CallbackContext ctx, int page, String notice) {
        gateway.edit(ctx.chatId(), ctx.messageId(),
                MembersView.render(members.load(ctx.room(), page, notice), texts, ctx.locale(), zones.zone(ctx.room())));
    }
}
