package ru.smetabot.bot.archive;

import java.util.Locale;
import org.springframework.stereotype.Service;
import ru.smetabot.bot.callbacks.CallbackContext;
import ru.smetabot.bot.channels.ChannelScreens;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.settings.OwnerZones;
import ru.smetabot.bot.telegram.BotGateway;
import ru.smetabot.bot.telegram.FailureHints;
import ru.smetabot.model.rooms.Room;

/** Runs the archive's buttons: loads, acts through {@link RoomArchive}, renders {@link ArchiveViews}, edits the message. */
@Service
class ArchiveScreens {

    private final ArchivedRooms archived;
    private final RoomArchive archive;
    private final ChannelScreens channels;
    private final BotGateway gateway;
    private final FailureHints hints;
    private final Texts texts;
    private final OwnerZones zones;

    ArchiveScreens(ArchivedRooms archived, RoomArchive archive, ChannelScreens channels, BotGateway gateway,
            FailureHints hints, Texts texts, OwnerZones zones) {
        this.archived = archived;
        this.archive = archive;
        this.channels = channels;
        this.gateway = gateway;
        this.hints = hints;
        this.texts = texts;
        this.zones = zones;
    }

    void ask(CallbackContext ctx) {
        Room room = ctx.room();
        if (room.isArchived()) {
            showCard(ctx);
            return;
        }
        gateway.edit(ctx.chatId(), ctx.messageId(), ArchiveViews.confirm(archived.confirm(room), texts, ctx.locale()));
    }

    /** The confirmed archive; a second press on a stale confirmation shows the archived card instead. */
    void archive(CallbackContext ctx, boolean removeClients) {
        Room room = ctx.room();
        Locale locale = ctx.locale();
        if (room.isArchived()) {
            showCard(ctx);
            return;
        }
        RoomArchive.Result result = archive.archive(room, removeClients);
        String hint = result.complete() ? "" : hints.hint(locale, result.failure(),
                result.linksFailed() > 0 ? FailureHints.Right.INVITE_USERS : FailureHints.Right.RESTRICT_MEMBERS);
        gateway.edit(ctx.chatId(), ctx.messageId(), ArchiveViews.archived(room.getTitle(), result, hint, texts, locale));
    }

    void showList(CallbackContext ctx, long contractorId, int page) {
        gateway.edit(ctx.chatId(), ctx.messageId(), ArchiveViews.list(archived.page(contractorId, page), texts, ctx.locale(), zones.zone(contractorId)));
    }

    /** An archived room's card; an active room (reopened meanwhile) shows its usual card. */
    void showCard(CallbackContext ctx) {
        Room room = ctx.room();
        if (!room.isArchived()) {
            channels.editCard(ctx.chatId(), ctx.messageId(), room, 0, null, ctx.locale());
            return;
        }
        gateway.edit(ctx.chatId(), ctx.messageId(), ArchiveViews.card(archived.card(room), texts, ctx.locale(), zones.zone(room)));
    }

    void reopen(CallbackContext ctx) {
        Room room = ctx.room();
        if (room.isArchived()) {
            archive.reopen(room);
            ctx.answer(texts.get(ctx.locale(), "archive.reopened"));
        }
        channels.editCard(ctx.chatId(), ctx.messageId(), room, 0, null, ctx.locale());
    }
}
