package ru.smetabot.bot.invites;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.model.invites.InviteLink;
import ru.smetabot.model.rooms.Room;

/** The "🔗 Ссылки" screens, as pure functions of the data. */
public final class LinksView {


    private LinksView() {
    }

    /**
     * A page of the room's links: the usable ones with "🗂 Отозванные (N)" behind a button, or the revoked
     * ones with the way back; "…и ещё N" and the shared pager when there are more than fit a page.
     */
    public static Screen list(Room room, LinkPage page, Texts texts, Locale locale, ZoneId zone) {
        String title = Html.escape(room.getTitle());
        StringBuilder text = new StringBuilder(texts.get(locale, page.revoked() ? "links.revoked_title" : "links.title", title));
        Buttons keyboard = Buttons.inline();
        if (page.lines().isEmpty()) {
            text.append("\n\n").append(texts.get(locale, page.revoked() ? "links.revoked_empty" : "links.empty"));
        }
        for (LinkLine line : page.lines()) {
            text.append("\n\n").append(summary(line, texts, locale, zone));
            keyboard.row(Buttons.button(texts.get(locale, "links.open_button", line.link().getName()),
                    new Callback.LinkOpen(room.getId(), line.link().getId())));
        }
        if (page.notShown() > 0) {
            text.append("\n\n").append(texts.get(locale, "links.more_hint", page.notShown()));
        }
        keyboard.row(Pager.row(page.page(), page.pages(), p -> new Callback.LinksPage(room.getId(), p, page.revoked()),
                texts, locale));
        if (page.revoked()) {
            keyboard.row(Buttons.button(texts.get(locale, "links.active_button"), new Callback.Links(room.getId())));
        } else {
            keyboard.row(Buttons.button(texts.get(locale, "links.new"), new Callback.LinkNew(room.getId())));
            if (page.otherKind() > 0) {
                keyboard.row(Buttons.button(texts.get(locale, "links.revoked_button", page.otherKind()),
                        new Callback.LinksPage(room.getId(), 0, true)));
            }
        }
        keyboard.row(Buttons.button(texts.get(locale, "card.back"), new Callback.OpenCard(room.getId(), 0)));
        return new Screen(text.toString(), keyboard.build());
    }

    /** One link's card: the link itself to copy, its numbers, and "⛔ Отозвать" while it is usable. */
    public static Screen card(Room room, LinkLine line, String notice, Texts texts, Locale locale, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(summary(line, texts, locale, zone)).append('\n')
                .append(texts.get(locale, "links.copy", line.link().getLink()));
        Buttons keyboard = Buttons.inline();
        if (line.status() != LinkStatus.REVOKED) {
            keyboard.row(Buttons.button(texts.get(locale, "links.revoke"),
                    new Callback.LinkRevoke(room.getId(), line.link().getId(), false)));
        }
        keyboard.row(Buttons.button(texts.get(locale, "links.back"), line.status() == LinkStatus.REVOKED
                ? new Callback.LinksPage(room.getId(), 0, true) : new Callback.Links(room.getId())));
        return new Screen(text.toString(), keyboard.build());
    }

    public static Screen confirmRevoke(Room room, InviteLink link, Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "links.revoke_confirm", Html.escape(link.getName())), Buttons.inline()
                .row(Buttons.button(texts.get(locale, "links.revoke_yes"), new Callback.LinkRevoke(room.getId(), link.getId(), true)),
                        Buttons.button(texts.get(locale, "links.cancel"), new Callback.LinkOpen(room.getId(), link.getId())))
                .build());
    }

    public static Screen askName(Room room, Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "links.ask_name", Html.escape(room.getTitle()), LinkOptions.MAX_NAME),
                Buttons.inline().row(Buttons.button(texts.get(locale, "links.cancel"), new Callback.Links(room.getId()))).build());
    }

    public static Screen chooseExpiry(long roomId, String name, Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "links.ask_expiry", Html.escape(name)), Buttons.inline()
                .row(Buttons.button(texts.get(locale, "links.expiry.1"), new Callback.LinkExpiry(roomId, 1)),
                        Buttons.button(texts.get(locale, "links.expiry.7"), new Callback.LinkExpiry(roomId, 7)),
                        Buttons.button(texts.get(locale, "links.expiry.0"), new Callback.LinkExpiry(roomId, 0)))
                .row(Buttons.button(texts.get(locale, "links.cancel"), new Callback.Links(roomId)))
                .build());
    }

    public static Screen chooseLimit(long roomId, String name, int expiryDays, Texts texts, Locale locale) {
        return new Screen(texts.get(locale, "links.ask_limit", Html.escape(name)), Buttons.inline()
                .row(Buttons.button("1", new Callback.LinkLimit(roomId, expiryDays, 1)),
                        Buttons.button("5", new Callback.LinkLimit(roomId, expiryDays, 5)),
                        Buttons.button("10", new Callback.LinkLimit(roomId, expiryDays, 10)),
                        Buttons.button(texts.get(locale, "links.limit.0"), new Callback.LinkLimit(roomId, expiryDays, 0)))
                .row(Buttons.button(texts.get(locale, "links.cancel"), new Callback.Links(roomId)))
                .build());
    }

    static String summary(LinkLine line, Texts texts, Locale locale, ZoneId zone) {
        InviteLink link = line.link();
        String limit = link.getApprovalsLimit() == null ? texts.get(locale, "links.unlimited")
                : String.valueOf(link.getApprovalsLimit());
        String expires = link.getExpiresAt() == null ? texts.get(locale, "links.never") : format(link.getExpiresAt(), zone);
        String pending = line.pending() == null ? "?" : String.valueOf(line.pending());
        return texts.get(locale, "links.line", Html.escape(link.getName()), texts.get(locale, line.status().key()),
                link.getApprovedCount(), limit, pending, link.getDeclinedCount(), expires);
    }

    private static String format(Instant instant, ZoneId zone) {
        return Dates.dateTime(instant, zone);
    }
}
