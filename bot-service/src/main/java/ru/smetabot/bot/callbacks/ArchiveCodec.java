package ru.smetabot.bot.callbacks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archive's and the members chart's part of {@link CallbackCodec}'s grammar (kept apart, as
 * {@link ReportCodec}): {@code ar:{roomId}:ask|keep|remove|card|reopen|rename}, {@code arl:{page}} and
 * {@code mc:{roomId}}.
 */
final class ArchiveCodec {

    private static final Pattern ROOM = Pattern.compile("ar:([1-9]\\d{0,17}):(ask|keep|remove|card|reopen|rename)");
    private static final Pattern LIST = Pattern.compile("arl:(\\d{1,5})");
    private static final Pattern MEMBERS_CHART = Pattern.compile("mc:([1-9]\\d{0,17})");

    private ArchiveCodec() {
    }

    static Callback parse(String data) {
        Matcher m = LIST.matcher(data);
        if (m.matches()) {
            return new Callback.ArchivedList(Integer.parseInt(m.group(1)));
        }
        m = MEMBERS_CHART.matcher(data);
        if (m.matches()) {
            return new Callback.MembersChart(Long.parseLong(m.group(1)));
        }
        m = ROOM.matcher(data);
        if (!m.matches()) {
            return null;
        }
        long roomId = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ask" -> new Callback.ArchiveAsk(roomId);
            case "keep" -> new Callback.ArchiveRoom(roomId, false);
            case "remove" -> new Callback.ArchiveRoom(roomId, true);
            case "card" -> new Callback.ArchivedCard(roomId);
            case "reopen" -> new Callback.ReopenRoom(roomId);
            default -> new Callback.RenameRoom(roomId);
        };
    }

    static String format(Callback callback) {
        if (callback instanceof Callback.ArchivedList c) {
            return "arl:" + c.page();
        }
        if (callback instanceof Callback.MembersChart c) {
            return "mc:" + c.roomId();
        }
        if (callback instanceof Callback.ArchiveAsk c) {
            return "ar:" + c.roomId() + ":ask";
        }
        if (callback instanceof Callback.ArchiveRoom c) {
            return "ar:" + c.roomId() + (c.removeClients() ? ":remove" : ":keep");
        }
        if (callback instanceof Callback.ArchivedCard c) {
            return "ar:" + c.roomId() + ":card";
        }
        if (callback instanceof Callback.ReopenRoom c) {
            return "ar:" + c.roomId() + ":reopen";
        }
        if (callback instanceof Callback.RenameRoom c) {
            return "ar:" + c.roomId() + ":rename";
        }
        return null;
    }
}
