package ru.smetabot.bot.members;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import ru.smetabot.bot.callbacks.Buttons;
import ru.smetabot.bot.callbacks.Callback;
import ru.smetabot.bot.callbacks.Pager;
import ru.smetabot.bot.i18n.Dates;
import ru.smetabot.bot.i18n.Html;
import ru.smetabot.bot.i18n.Texts;
import ru.smetabot.bot.members.MembersData.Admin;
import ru.smetabot.bot.members.MembersData.ClientLine;
import ru.smetabot.bot.telegram.Screen;
import ru.smetabot.bot.telegram.TelegramLimits;
import ru.smetabot.model.clients.ClientStatus;

/** Renders "👥 Участники" and the block/unblock confirmation; pure functions of the data. */
final class MembersView {

    /**
     * Administrators listed (a channel may have up to 50); the rest are counted in "…и ещё N". With
     * names cut to {@link #MAX_NAME} and eight clients a page, the screen stays under ~3000 of
     * Telegram's 4096 characters whatever the names are.
     */
    static final int MAX_ADMINS = 10;
    static final int MAX_NAME = 64;
    private static final int MAX_BUTTON_NAME = 32;

    private MembersView() {
    }

    static Screen render(MembersData data, Texts texts, Locale locale, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (data.notice() != null) {
            text.append(data.notice()).append("\n\n");
        }
        String telegram = data.telegramCount() == null ? "?" : String.valueOf(data.telegramCount());
        text.append(texts.get(locale, "members.title", Html.escape(data.title()))).append('\n')
                .append(texts.get(locale, "members.counts", telegram, data.activeClients(), data.totalClients()))
                .append("\n\n").append(texts.get(locale, "members.admins"));
        if (data.admins() == null) {
            text.append('\n').append(texts.get(locale, "members.admins_unknown"));
        } else {
            for (Admin admin : data.admins().subList(0, Math.min(MAX_ADMINS, data.admins().size()))) {
                text.append('\n').append(texts.get(locale, admin.owner() ? "members.owner" : admin.bot() ? "members.bot" : "members.admin",
                        who(admin.name(), admin.username(), admin.userId(), texts, locale)));
            }
            if (data.admins().size() > MAX_ADMINS) {
                text.append('\n').append(texts.get(locale, "members.admins_more", data.admins().size() - MAX_ADMINS));
            }
        }
        text.append("\n\n").append(texts.get(locale, "members.clients", data.page() + 1, data.pages()));
        if (data.clients().isEmpty()) {
            text.append('\n').append(texts.get(locale, "members.no_clients"));
        }
        Buttons keyboard = Buttons.inline();
        for (ClientLine client : data.clients()) {
            String link = client.linkName() == null ? texts.get(locale, "members.no_link")
                    : "«" + Html.escape(TelegramLimits.cut(client.linkName(), MAX_BUTTON_NAME)) + "»";
            String joined = client.joinedAt() == null ? "—" : Dates.date(client.joinedAt(), zone);
            text.append('\n').append(texts.get(locale, "members.client",
                    who(client.name(), client.username(), client.tgUserId(), texts, locale), link, joined,
                    texts.get(locale, "members.status." + client.status().dbValue())));
            if (client.status() != ClientStatus.PENDING) {
                boolean banned = client.status() == ClientStatus.BANNED;
                keyboard.row(Buttons.button(texts.get(locale, banned ? "members.unblock_button" : "members.block_button",
                        plain(client.name(), client.tgUserId())), new Callback.ClientBlock(data.roomId(), client.clientId(), !banned, false)));
            }
        }
        keyboard.row(pager(data, texts, locale));
        keyboard.row(Buttons.button(texts.get(locale, "card.back"), new Callback.OpenCard(data.roomId(), 0)));
        return new Screen(text.toString(), keyboard.build());
    }

    static Screen confirm(long roomId, ClientLine client, boolean block, Texts texts, Locale locale) {
        String who = who(client.name(), client.username(), client.tgUserId(), texts, locale);
        return new Screen(texts.get(locale, block ? "members.block_confirm" : "members.unblock_confirm", who), Buttons.inline()
                .row(Buttons.button(texts.get(locale, block ? "members.block_yes" : "members.unblock_yes"),
                                new Callback.ClientBlock(roomId, client.clientId(), block, true)),
                        Buttons.button(texts.get(locale, "links.cancel"), new Callback.MembersPage(roomId, 0)))
                .build());
    }

    private static List<InlineKeyboardButton> pager(MembersData data, Texts texts, Locale locale) {
        return Pager.row(data.page(), data.pages(), page -> new Callback.MembersPage(data.roomId(), page), texts, locale);
    }

    static String who(String name, String username, long userId, Texts texts, Locale locale) {
        String shown = name == null || name.isBlank() ? texts.get(locale, "joinrequests.user_id", String.valueOf(userId))
                : Html.escape(TelegramLimits.cut(name, MAX_NAME));
        return username == null ? shown : shown + " (@" + Html.escape(TelegramLimits.cut(username, MAX_BUTTON_NAME)) + ")";
    }

    private static String plain(String name, long userId) {
        return name == null || name.isBlank() ? String.valueOf(userId) : TelegramLimits.cut(name, MAX_BUTTON_NAME);
    }
}
