package ru.smetabot.bot.callbacks;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.smetabot.bot.callbacks.Callback.ConnectAccount;
import ru.smetabot.bot.callbacks.Callback.Links;
import ru.smetabot.bot.callbacks.Callback.Members;
import ru.smetabot.bot.callbacks.Callback.Noop;
import ru.smetabot.bot.callbacks.Callback.OpenCard;
import ru.smetabot.bot.callbacks.Callback.PublishHere;
import ru.smetabot.bot.callbacks.Callback.PublishPending;
import ru.smetabot.bot.callbacks.Callback.RefreshStats;
import ru.smetabot.bot.callbacks.Callback.RoomCallback;
import ru.smetabot.bot.callbacks.Callback.RoomList;

/**
 * The callback-data format, in one place: {@code rl:{page}}, {@code ch:{roomId}:card:{page}},
 * {@code ch:{roomId}:refresh|members|links|publish}, {@code pub:{roomId}}, {@code rl:search},
 * {@code acct:connect|show|off|off:yes}, {@code noop}; links
 * {@code lk:{roomId}:new|exp:{days}|lim:{days}:{limit}|open:{id}|rv:{id}|rv!:{id}|p:{page}|old:{page}}, members
 * {@code mb:{roomId}:{page}} and {@code cl:{roomId}:{clientId}:b|b!|u|u!}; charts and exports
 * {@code ch:{roomId}:chart|chart:{fileId}|chartp:{page}|export}; notifications
 * {@code nt:{roomId}} and {@code nt:{roomId}:instant|daily|off}; help {@code help:{topic}}; acknowledgements
 * {@code ack} (under a channel post) and {@code ak:{roomId}:{page}|f:{fileId}:{page}|r:{fileId}|on|off} ({@link AckCodec});
 * archive {@code ar:{roomId}:ask|keep|remove|card|reopen|rename}, {@code arl:{page}} and the members chart
 * {@code mc:{roomId}} ({@link ArchiveCodec}); settings and onboarding
 * {@code set|set:tz:p:{page}|set:tz:{index}|set:dh|set:dh:{hour}|ob:new} ({@link SettingsCodec}). Telegram allows 1–64 bytes;
 * anything that is not exactly this grammar is rejected.
 */
public final class CallbackCodec {

    public static final int MAX_BYTES = 64;

    private static final Pattern ROOM_LIST = Pattern.compile("rl:(\\d{1,5})");
    private static final Pattern ROOM = Pattern.compile("ch:([1-9]\\d{0,17}):(card:(\\d{1,5})|refresh|members|links|publish)");
    private static final Pattern LINK = Pattern.compile(
            "lk:([1-9]\\d{0,17}):(new|exp:(\\d{1,3})|lim:(\\d{1,3}):(\\d{1,3})|(open|rv|rv!):([1-9]\\d{0,17})|(p|old):(\\d{1,5}))");
    private static final Pattern MEMBERS = Pattern.compile("mb:([1-9]\\d{0,17}):(\\d{1,5})");
    private static final Pattern CLIENT = Pattern.compile("cl:([1-9]\\d{0,17}):([1-9]\\d{0,17}):(b|b!|u|u!)");
    private static final Pattern PUBLISH = Pattern.compile("pub:([1-9]\\d{0,17})");
    private static final Pattern NOTIFY = Pattern.compile("nt:([1-9]\\d{0,17})(?::(instant|daily|off))?");
    private static final Pattern REPORT = Pattern.compile(
            "ch:([1-9]\\d{0,17}):(chart|export|chart:([1-9]\\d{0,17})|chartp:(\\d{1,5}))");

    private CallbackCodec() {
    }

    public static String encode(Callback callback) {
        String data = format(callback);
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over " + MAX_BYTES + " bytes: " + data);
        }
        return data;
    }

    /** The callback, or empty for data this bot never produced (forged, garbled or from an old version). */
    public static Optional<Callback> decode(String data) {
        if (data == null || data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(data));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Callback parse(String data) {
        if (data.equals("noop")) {
            return new Noop();
        }
        if (data.equals("acct:connect")) {
            return new ConnectAccount();
        }
        if (data.equals("acct:show")) {
            return new Callback.AccountInfo();
        }
        if (data.equals("acct:off") || data.equals("acct:off:yes")) {
            return new Callback.DisconnectAccount(data.endsWith(":yes"));
        }
        if (data.equals("rl:search")) {
            return new Callback.SearchRooms();
        }
        if (data.startsWith("help:")) {
            Callback.HelpTopic topic = Callback.HelpTopic.of(data.substring("help:".length()));
            return topic == null ? null : new Callback.Help(topic);
        }
        Callback settings = SettingsCodec.parse(data);
        if (settings != null) {
            return settings;
        }
        Matcher m = ROOM_LIST.matcher(data);
        if (m.matches()) {
            return new RoomList(Integer.parseInt(m.group(1)));
        }
        Callback members = MemberCodec.parse(LINK.matcher(data), MEMBERS.matcher(data), CLIENT.matcher(data));
        if (members != null) {
            return members;
        }
        m = PUBLISH.matcher(data);
        if (m.matches()) {
            return new PublishPending(Long.parseLong(m.group(1)));
        }
        m = NOTIFY.matcher(data);
        if (m.matches()) {
            long roomId = Long.parseLong(m.group(1));
            return m.group(2) == null ? new Callback.NotifySettings(roomId) : new Callback.NotifyMode(roomId, m.group(2));
        }
        Callback archive = ArchiveCodec.parse(data);
        if (archive != null) {
            return archive;
        }
        Callback ack = AckCodec.parse(data);
        if (ack != null) {
            return ack;
        }
        Callback report = ReportCodec.parse(REPORT.matcher(data));
        if (report != null) {
            return report;
        }
        m = ROOM.matcher(data);
        if (!m.matches()) {
            return null;
        }
        long roomId = Long.parseLong(m.group(1));
        String action = m.group(2);
        if (action.startsWith("card:")) {
            return new OpenCard(roomId, Integer.parseInt(m.group(3)));
        }
        return switch (action) {
            case "refresh" -> new RefreshStats(roomId);
            case "members" -> new Members(roomId);
            case "links" -> new Links(roomId);
            default -> new PublishHere(roomId);
        };
    }

    private static String format(Callback callback) {
        if (callback instanceof RoomList list) {
            return "rl:" + list.page();
        }
        if (callback instanceof OpenCard card) {
            return "ch:" + card.roomId() + ":card:" + card.page();
        }
        if (callback instanceof PublishPending pending) {
            return "pub:" + pending.roomId();
        }
        if (callback instanceof Callback.NotifySettings notify) {
            return "nt:" + notify.roomId();
        }
        if (callback instanceof Callback.NotifyMode notify) {
            return "nt:" + notify.roomId() + ":" + notify.mode();
        }
        String members = MemberCodec.format(callback);
        if (members != null) {
            return members;
        }
        String archive = ArchiveCodec.format(callback);
        if (archive != null) {
            return archive;
        }
        String ack = AckCodec.format(callback);
        if (ack != null) {
            return ack;
        }
        String report = ReportCodec.format(callback);
        if (report != null) {
            return report;
        }
        String settings = SettingsCodec.format(callback);
        if (settings != null) {
            return settings;
        }
        if (callback instanceof RoomCallback room) {
            return "ch:" + room.roomId() + ":" + roomAction(room);
        }
        if (callback instanceof ConnectAccount) {
            return "acct:connect";
        }
        if (callback instanceof Callback.AccountInfo) {
            return "acct:show";
        }
        if (callback instanceof Callback.DisconnectAccount disconnect) {
            return disconnect.confirmed() ? "acct:off:yes" : "acct:off";
        }
        if (callback instanceof Callback.SearchRooms) {
            return "rl:search";
        }
        if (callback instanceof Callback.Help help) {
            return "help:" + help.topic().code;
        }
        return "noop";
    }

    private static String roomAction(RoomCallback callback) {
        if (callback instanceof RefreshStats) {
            return "refresh";
        }
        if (callback instanceof Members) {
            return "members";
        }
        if (callback instanceof Links) {
            return "links";
        }
        return "publish";
    }
}
