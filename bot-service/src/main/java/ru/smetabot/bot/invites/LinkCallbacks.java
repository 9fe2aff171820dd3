package ru.smetabot.bot.invites;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.smetabot.bot.BotProperties;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.callbacks.CallbackHandler;
import ru.smetabot.bot.conversation.Conversations;
import ru.smetabot.bot.conversation.Step;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.BotApiException;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.FailureHints;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.invites.InviteLink;

/** The "🔗 Ссылки" buttons: list, new link (name → expiry → limit), one link, revoke with confirmation. */
@Configuration(proxyBeanMethods = false)
class LinkCallbacks {

    private final InviteLinks links;
    private final Conversations conversations;
    private final BotGateway gateway;
    private final Texts texts;
    private final BotProperties properties;
    private final ru.smetabot.bot.settings.OwnerZones zones;
    private final FailureHints hints;

    LinkCallbacks(InviteLinks links, Conversations conversations, BotGateway gateway, Texts texts, BotProperties properties,
            FailureHints hints, ru.smetabot.bot.settings.OwnerZones zones) {
        this.zones = zones;
        this.hints = hints;
        this.links = links;
        this.conversations = conversations;
        this.gateway = gateway;
        this.texts = texts;
        this.properties = properties;
    }

    @Bean
    CallbackHandler<Callback.Links> linksList() {
        return CallbackHandler.of(Callback.Links.class, (ctx, cb) -> {
            ctx.answer(null);
            conversations.take(ctx.userId(), Step.AwaitingLinkName.class);
            showList(ctx, 0, false);
        });
    }

    @Bean
    CallbackHandler<Callback.LinksPage> linksPage() {
        return CallbackHandler.of(Callback.LinksPage.class, (ctx, cb) -> {
            ctx.answer(null);
            showList(ctx, cb.page(), cb.revoked());
        });
    }

    @Bean
    CallbackHandler<Callback.LinkNew> linkNew() {
        return CallbackHandler.of(Callback.LinkNew.class, (ctx, cb) -> {
            ctx.answer(null);
            conversations.expect(ctx.userId(), new Step.AwaitingLinkName(ctx.room().getId()));
            gateway.edit(ctx.chatId(), ctx.messageId(), LinksView.askName(ctx.room(), texts, ctx.locale()));
        });
    }

    @Bean
    CallbackHandler<Callback.LinkExpiry> linkExpiry() {
        return CallbackHandler.of(Callback.LinkExpiry.class, (ctx, cb) -> {
            Optional<Step> step = conversations.peek(ctx.userId());
            if (!(step.orElse(null) instanceof Step.LinkDraft draft) || draft.roomId() != cb.roomId()
                    || !LinkOptions.EXPIRY_DAYS.contains(cb.expiryDays())) {
                ctx.answer(texts.get(ctx.locale(), "links.draft_gone"), true);
                return;
            }
            ctx.answer(null);
            gateway.edit(ctx.chatId(), ctx.messageId(),
                    LinksView.chooseLimit(cb.roomId(), draft.name(), cb.expiryDays(), texts, ctx.locale()));
        });
    }

    @Bean
    CallbackHandler<Callback.LinkLimit> linkLimit() {
        return CallbackHandler.of(Callback.LinkLimit.class, (ctx, cb) -> {
            Optional<Step.LinkDraft> draft = LinkOptions.validChoice(cb.expiryDays(), cb.limit())
                    ? conversations.take(ctx.userId(), Step.LinkDraft.class).filter(d -> d.roomId() == cb.roomId())
                    : Optional.empty();
            if (draft.isEmpty()) {
                ctx.answer(texts.get(ctx.locale(), "links.draft_gone"), true);
                return;
            }
            ctx.answer(texts.get(ctx.locale(), "links.creating"));
            try {
                InviteLink link = links.create(ctx.room(), new LinkOptions(draft.get().name(), cb.expiryDays(), cb.limit()));
                showCard(ctx, link, texts.get(ctx.locale(), "links.created"));
            } catch (BotApiException e) {
                gateway.edit(ctx.chatId(), ctx.messageId(), new Screen(texts.get(ctx.locale(), "links.create_failed",
                        Html.escape(hints.hint(ctx.locale(), e, FailureHints.Right.INVITE_USERS))), Buttons.inline()
                        .row(Buttons.button(texts.get(ctx.locale(), "links.back"), new Callback.Links(cb.roomId()))).build()));
            }
        });
    }

    @Bean
    CallbackHandler<Callback.LinkOpen> linkOpen() {
        return CallbackHandler.of(Callback.LinkOpen.class, (ctx, cb) -> {
            ctx.answer(null);
            links.find(ctx.room(), cb.linkId()).ifPresentOrElse(link -> showCard(ctx, link, null), () -> showList(ctx, 0, false));
        });
    }

    @Bean
    CallbackHandler<Callback.LinkRevoke> linkRevoke() {
        return CallbackHandler.of(Callback.LinkRevoke.class, (ctx, cb) -> {
            Optional<InviteLink> link = links.find(ctx.room(), cb.linkId());
            if (link.isEmpty()) {
                ctx.answer(texts.get(ctx.locale(), "callback.refused"), true);
                return;
            }
            if (!cb.confirmed()) {
                ctx.answer(null);
                gateway.edit(ctx.chatId(), ctx.messageId(), LinksView.confirmRevoke(ctx.room(), link.get(), texts, ctx.locale()));
                return;
            }
            try {
                InviteLink revoked = links.revoke(ctx.room(), cb.linkId()).orElseThrow();
                ctx.answer(texts.get(ctx.locale(), "links.revoked"));
                showCard(ctx, revoked, texts.get(ctx.locale(), "links.revoked"));
            } catch (BotApiException e) {
                // A callback answer is plain text (no HTML parsing): the hint goes in as it is.
                ctx.answer(texts.get(ctx.locale(), "links.revoke_failed",
                        hints.hint(ctx.locale(), e, FailureHints.Right.INVITE_USERS)), true);
            }
        });
    }

    private void showList(CallbackContext ctx, int page, boolean revoked) {
        gateway.edit(ctx.chatId(), ctx.messageId(),
                LinksView.list(ctx.room(), links.page(ctx.room(), revoked, page), texts, ctx.locale(), zones.zone(ctx.room())));
    }

    private void showCard(CallbackContext ctx, InviteLink link, String notice) {
        gateway.edit(ctx.chatId(), ctx.messageId(),
                LinksView.card(ctx.room(), links.line(ctx.room(), link), notice, texts, ctx.locale(), zones.zone(ctx.room())));
    }
}
