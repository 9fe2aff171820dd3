package ru.smetabot.bot.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackCodecTests {

    static List<Callback> every() {
        long big = 999_999_999_999_999_999L;
        return List.of(new Callback.RoomList(0), new Callback.RoomList(99_999), new Callback.OpenCard(big, 99_999),
                new Callback.RefreshStats(big), new Callback.Members(1), new Callback.Links(2), new Callback.PublishHere(3),
                new Callback.PublishPending(big), new Callback.ConnectAccount(), new Callback.Noop(), new Callback.SearchRooms(),
                new Callback.AccountInfo(), new Callback.DisconnectAccount(false), new Callback.DisconnectAccount(true),
                new Callback.Help(Callback.HelpTopic.OVERVIEW), new Callback.Help(Callback.HelpTopic.MEMBERS),
                new Callback.NotifySettings(big), new Callback.NotifyMode(big, "instant"), new Callback.NotifyMode(1, "daily"),
                new Callback.NotifyMode(1, "off"),
                new Callback.ViewsChart(big), new Callback.FileChart(big, big), new Callback.ChartFiles(big, 99_999),
                new Callback.Export(big),
                new Callback.MembersChart(big), new Callback.ArchiveAsk(big), new Callback.ArchiveRoom(big, false),
                new Callback.ArchiveRoom(big, true), new Callback.ArchivedCard(big), new Callback.ReopenRoom(big),
                new Callback.RenameRoom(big), new Callback.ArchivedList(0), new Callback.ArchivedList(99_999),
                new Callback.Acknowledge(), new Callback.AckFiles(big, 99_999), new Callback.AckFile(big, big, 99_999),
                new Callback.AckRemind(big, big), new Callback.AckSwitch(big, true), new Callback.AckSwitch(big, false),
                new Callback.Help(Callback.HelpTopic.ACKS),
                new Callback.Settings(), new Callback.ZonePage(0), new Callback.ZonePage(999), new Callback.ZoneChoice(0),
                new Callback.ZoneChoice(999), new Callback.DigestHours(), new Callback.DigestHour(0), new Callback.DigestHour(23),
                new Callback.StartNewRoom(),
                new Callback.LinkNew(big), new Callback.LinkExpiry(5, 7), new Callback.LinkLimit(5, 0, 10),
                new Callback.LinkOpen(big, big), new Callback.LinkRevoke(big, big, true), new Callback.LinksPage(big, 99_999, true),
                new Callback.MembersPage(big, 99_999), new Callback.ClientBlock(big, big, true, true));
    }

    /** A new kind of callback cannot skip the round trip and the 64-byte check above. */
    @Test
    void everyKindOfCallbackIsInTheRoundTrip() {
        Set<Class<?>> kinds = new HashSet<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(Callback.class));
        while (!open.isEmpty()) {
            for (Class<?> sub : open.pop().getPermittedSubclasses()) {
                if (sub.isInterface()) {
                    open.push(sub);
                } else {
                    kinds.add(sub);
                }
            }
        }
        assertThat(kinds).hasSizeGreaterThan(40);
        assertThat(every().stream().map(Object::getClass).collect(Collectors.toSet())).containsAll(kinds);
    }

    @ParameterizedTest
    @MethodSource("every")
    void roundTripsWithinTelegramsLimit(Callback callback) {
        String data = CallbackCodec.encode(callback);

        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64);
        assertThat(CallbackCodec.decode(data)).contains(callback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ch:1:delete", "ch:-5:refresh", "ch:0:refresh", "ch:01:refresh", "ch:1:refresh:x",
            "ch:abc:refresh", "ch:1234567890123456789:refresh", "rl:-1", "rl:123456", "pub:", "pub:1 ", "chmenu:refresh:1",
            "ch:1:card:", "acct:connect2", "help:", "help:nope", "help:rooms ", "help:ROOMS", "rl:search2", "rl:", "ch:1:refresh\n", "ch:1:card:1:1",
            "ch:1:card:", "acct:connect2", "rl:search2", "rl:", "ch:1:refresh\n", "ch:1:card:1:1",
            "nt:", "nt:0", "nt:-1", "nt:1:", "nt:1:weekly", "nt:1:DAILY", "nt:1:daily:x", "nt:1 ",
            "ch:1:chart:0", "ch:1:chart:", "ch:1:chart:-2", "ch:1:chartp:", "ch:1:chartp:123456", "ch:1:export:1",
            "ch:0:export", "ch:1:charts",
            "ar:0:ask", "ar:1:delete", "ar:1:keep:1", "ar:1:", "ar:-1:reopen", "arl:", "arl:-1", "arl:123456", "mc:", "mc:0",
            "mc:1:1", "ar:1:ASK",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void rejectsAnythingItDidNotProduce(String forged) {
        assertThat(CallbackCodec.decode(forged)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void chartsAndExportsUseTheDocumentedForms() {
        assertThat(CallbackCodec.encode(new Callback.ViewsChart(42))).isEqualTo("ch:42:chart");
        assertThat(CallbackCodec.encode(new Callback.FileChart(42, 7))).isEqualTo("ch:42:chart:7");
        assertThat(CallbackCodec.encode(new Callback.ChartFiles(42, 1))).isEqualTo("ch:42:chartp:1");
        assertThat(CallbackCodec.encode(new Callback.Export(42))).isEqualTo("ch:42:export");
    }

    @org.junit.jupiter.api.Test
    void archiveAndMembersChartUseTheDocumentedForms() {
        assertThat(CallbackCodec.encode(new Callback.ArchiveAsk(42))).isEqualTo("ar:42:ask");
        assertThat(CallbackCodec.encode(new Callback.ArchiveRoom(42, false))).isEqualTo("ar:42:keep");
        assertThat(CallbackCodec.encode(new Callback.ArchiveRoom(42, true))).isEqualTo("ar:42:remove");
        assertThat(CallbackCodec.encode(new Callback.ArchivedList(2))).isEqualTo("arl:2");
        assertThat(CallbackCodec.encode(new Callback.MembersChart(42))).isEqualTo("mc:42");
    }

    @org.junit.jupiter.api.Test
    void refreshUsesTheDocumentedForm() {
        assertThat(CallbackCodec.encode(new Callback.RefreshStats(42))).isEqualTo("ch:42:refresh");
        assertThat(CallbackCodec.decode(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void notificationsUseTheDocumentedForm() {
        assertThat(CallbackCodec.encode(new Callback.NotifySettings(42))).isEqualTo("nt:42");
        assertThat(CallbackCodec.encode(new Callback.NotifyMode(42, "daily"))).isEqualTo("nt:42:daily");
        assertThat(CallbackCodec.decode("nt:42:off")).contains(new Callback.NotifyMode(42, "off"));
    }
}
