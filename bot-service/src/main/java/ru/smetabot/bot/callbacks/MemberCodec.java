package ru.smetabot.bot.callbacks;

import java.util.regex.Matcher;
import ru.smetabot.bot.callbacks.Callback.ClientBlock;
import ru.smetabot.bot.callbacks.Callback.LinkExpiry;
import ru.smetabot.bot.callbacks.Callback.LinkLimit;
import ru.smetabot.bot.callbacks.Callback.LinkNew;
import ru.smetabot.bot.callbacks.Callback.LinkOpen;
import ru.smetabot.bot.callbacks.Callback.LinkRevoke;
import ru.smetabot.bot.callbacks.Callback.LinksPage;
import ru.smetabot.bot.callbacks.Callback.MembersPage;

/** The links' and members' part of {@link CallbackCodec}'s grammar (kept apart to keep the codec small). */
final class MemberCodec {

    private MemberCodec() {
    }

    static Callback parse(Matcher link, Matcher members, Matcher client) {
        if (link.matches()) {
            long roomId = Long.parseLong(link.group(1));
            String action = link.group(2);
            if (action.equals("new")) {
                return new LinkNew(roomId);
            }
            if (action.startsWith("exp:")) {
                return new LinkExpiry(roomId, Integer.parseInt(link.group(3)));
            }
            if (action.startsWith("lim:")) {
                return new LinkLimit(roomId, Integer.parseInt(link.group(4)), Integer.parseInt(link.group(5)));
            }
            if (link.group(8) != null) {
                return new LinksPage(roomId, Integer.parseInt(link.group(9)), link.group(8).equals("old"));
            }
            long linkId = Long.parseLong(link.group(7));
            return switch (link.group(6)) {
                case "open" -> new LinkOpen(roomId, linkId);
                case "rv" -> new LinkRevoke(roomId, linkId, false);
                default -> new LinkRevoke(roomId, linkId, true);
            };
        }
        if (members.matches()) {
            return new MembersPage(Long.parseLong(members.group(1)), Integer.parseInt(members.group(2)));
        }
        if (client.matches()) {
            String action = client.group(3);
            return new ClientBlock(Long.parseLong(client.group(1)), Long.parseLong(client.group(2)),
                    action.startsWith("b"), action.endsWith("!"));
        }
        return null;
    }

    static String format(Callback callback) {
        if (callback instanceof LinkNew c) {
            return "lk:" + c.roomId() + ":new";
        }
        if (callback instanceof LinkExpiry c) {
            return "lk:" + c.roomId() + ":exp:" + c.expiryDays();
        }
        if (callback instanceof LinkLimit c) {
            return "lk:" + c.roomId() + ":lim:" + c.expiryDays() + ":" + c.limit();
        }
        if (callback instanceof LinksPage c) {
            return "lk:" + c.roomId() + (c.revoked() ? ":old:" : ":p:") + c.page();
        }
        if (callback instanceof LinkOpen c) {
            return "lk:" + c.roomId() + ":open:" + c.linkId();
        }
        if (callback instanceof LinkRevoke c) {
            return "lk:" + c.roomId() + (c.confirmed() ? ":rv!:" : ":rv:") + c.linkId();
        }
        if (callback instanceof MembersPage c) {
            return "mb:" + c.roomId() + ":" + c.page();
        }
        if (callback instanceof ClientBlock c) {
            return "cl:" + c.roomId() + ":" + c.clientId() + ":" + (c.block() ? "b" : "u") + (c.confirmed() ? "!" : "");
        }
        return null;
    }
}
